package io.solidstream.cli;

import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.ShapeType;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.pipeline.PipelineDefinition;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code solidstream pipelines [NAME]}: the application's pipelines with their run config schema. */
@Command(name = "pipelines",
    description = {"Lists the application's pipelines (declared by its PipelineRegistry) with their solids",
        "and the schema of their run config: every field with its type, default and description."})
final class PipelinesCommand extends CliCommand.WithCommonOptions {

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this pipeline.")
  String name;

  PipelinesCommand(CliContext context) {
    super(context);
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
    List<String> lines = new ArrayList<>();
    schemaLines(schema, "    ", lines);
    out.append("  run config:").append(lines.isEmpty() ? " none\n" : "\n");
    lines.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    return out.toString();
  }

  /**
   * The fields of a shape as YAML keys with their types: {@code name: Int  # default 1000 - what it is}.
   * Nested shapes are indented blocks; shapes without fields are left out.
   */
  static void schemaLines(ConfigType type, String indent, List<String> lines) {
    if (!(type instanceof ShapeType shape)) {
      return;
    }
    for (ConfigField field : shape.fields()) {
      ConfigType fieldType = field.type();
      if (fieldType instanceof ShapeType nested) {
        List<String> inner = new ArrayList<>();
        schemaLines(nested, indent + "  ", inner);
        if (inner.isEmpty() && !nested.isPermissive()) {
          continue;
        }
        lines.add(indent + field.name() + ":" + comment(field, null));
        lines.addAll(inner);
      } else {
        lines.add(indent + field.name() + ": " + fieldType.displayName() + comment(field, fieldType));
      }
    }
  }

  private static String comment(ConfigField field, ConfigType scalar) {
    List<String> notes = new ArrayList<>();
    if (field.isRequired()) {
      notes.add("required");
    } else if (field.hasDefault()) {
      notes.add("default " + field.defaultValue());
    } else if (scalar != null) {
      notes.add("optional");
    }
    field.description().ifPresent(notes::add);
    return notes.isEmpty() ? "" : "  # " + String.join(" - ", notes);
  }
}
