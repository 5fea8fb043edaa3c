package io.solidstream.cli;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.pipeline.PipelineDefinition;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code solidstream pipelines [NAME]}: the application's pipelines with their run config schema. */
@Command(name = "pipelines",
    description = {"Lists the application's pipelines (declared by its PipelineRegistry) with their solids",
        "and the schema of their run config, as a YAML sample of the required fields."})
final class PipelinesCommand implements Callable<Integer>, HasCommonOptions {
  private final CliContext context;

  @Mixin
  CommonOptions common;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this pipeline.")
  String name;

  PipelinesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public CommonOptions common() {
    return common;
  }

  @Override
  public Integer call() {
    PipelineCatalog catalog = common.catalog();
    try {
      List<PipelineDefinition> pipelines = name == null
          ? List.copyOf(catalog.pipelines().values()) : List.of(catalog.pipeline(name));
      if (pipelines.isEmpty()) {
        context.out().println("No pipelines found. Pass the application's jar with --app, and declare its"
            + " pipelines in META-INF/services/io.solidstream.api.run.PipelineRegistry");
      }
      for (PipelineDefinition pipeline : pipelines) {
        context.out().print(describe(pipeline));
      }
      context.out().flush();
      return ExitCode.OK;
    } finally {
      catalog.close();
    }
  }

  private static String describe(PipelineDefinition pipeline) {
    StringBuilder out = new StringBuilder(pipeline.name());
    if (pipeline.description() != null && !pipeline.description().isBlank()) {
      out.append(" - ").append(pipeline.description());
    }
    out.append('\n');
    out.append("  solids: ").append(String.join(", ", pipeline.solids().stream().map(s -> s.name()).toList())).append('\n');
    ConfigType schema = ExecutionPlan.runConfigSchema(pipeline);
    String sample = schema.sampleYaml().strip();
    out.append("  run config (").append(schema.displayName()).append("):\n");
    if (sample.isEmpty() || sample.equals("{}")) {
      out.append("    {}   # every field is optional\n");
    } else {
      sample.lines().forEach(line -> out.append("    ").append(line).append('\n'));
    }
    out.append('\n');
    return out.toString();
  }
}
