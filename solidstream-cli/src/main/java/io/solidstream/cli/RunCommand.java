package io.solidstream.cli;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.ConfigException;
import io.solidstream.api.config.RunConfigParseException;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.instance.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code solidstream run PIPELINE}: runs a pipeline of the application, recorded in the instance. */
@Command(name = "run", sortOptions = false,
    description = {"Runs a pipeline and records the run in the instance.",
        "Prints the run id, the status and the failed steps; exit code 0 if the run succeeded, 1 if it failed."})
final class RunCommand extends CliCommand.WithCommonOptions {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name (see: solidstream pipelines).")
  String pipelineName;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE.yaml",
      description = "Run config (YAML or JSON); repeatable, later files deep-merged over earlier ones,"
          + " all over the pipeline's default run config.")
  List<Path> configFiles = new ArrayList<>();

  @Option(names = {"-r", "--runtime"}, paramLabel = "RUNTIME",
      description = "local | flink-local | flink://HOST:PORT (default: the instance's runtime).")
  String runtime;

  @Option(names = {"-s", "--select"}, paramLabel = "EXPR",
      description = "Runs only these solids, e.g. '*aggregate' (with upstream), 'load+' (and downstream), 'a,b'.")
  String selection;

  @Option(names = "--run-id", paramLabel = "ID", description = "The run's id (default: a random UUID).")
  String runId;

  @Mixin
  RunOptions run;

  RunCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    RuntimeChoice choice = runtime == null ? null : RuntimeChoice.parse(runtime);
    Map<String, String> tags = run.tags();
    PipelineCatalog catalog = common.catalog();
    ClassLoader previousLoader = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(catalog.loader());
    try {
      PipelineDefinition pipeline = catalog.pipeline(pipelineName);
      RunConfig runConfig = runConfig(catalog);
      RunRequest.Builder request = RunRequest.builder().runConfig(runConfig).environment(context.environment());
      if (selection != null) {
        request.selection(selection);
      }
      tags.forEach(request::tag);
      if (runId != null) {
        request.runId(runId);
      }
      int planned = plannedSteps(pipeline, request.build());
      Progress progress = run.progress(context, planned);
      request.listener(progress);
      try (Instance instance = common.openInstance(context)) {
        return execute(instance, choice, catalog, pipeline, request.build(), progress);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previousLoader);
      catalog.close();
    }
  }

  private int execute(Instance instance, RuntimeChoice choice, PipelineCatalog catalog, PipelineDefinition pipeline,
      RunRequest request, Progress progress) {
    PipelineRuntime runtime = null;
    try {
      runtime = choice == null ? null : choice.open(catalog.appPaths());
      PipelineRuntime recorded = runtime == null ? null : instance.recording(runtime);
      RunHandle handle = recorded == null ? instance.submit(pipeline, request) : recorded.submit(pipeline, request);
      Thread cancelOnExit = new Thread(handle::cancel, "solidstream-cancel-" + handle.runId());
      Runtime.getRuntime().addShutdownHook(cancelOnExit);
      RunResult result;
      try {
        result = handle.await();
      } finally {
        removeHook(cancelOnExit);
        progress.finish();
      }
      context.out().print(RunReport.summary(result));
      context.out().flush();
      return result.success() ? ExitCode.OK : ExitCode.RUN_FAILED;
    } catch (ConfigException | InvalidPipelineException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "Cannot run pipeline '" + pipeline.name() + "': " + e.getMessage(), e);
    } finally {
      if (runtime != null) {
        runtime.close();
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or ran
    }
  }

  private RunConfig runConfig(PipelineCatalog catalog) {
    RunConfig config = catalog.defaultRunConfig(pipelineName);
    for (Path file : configFiles) {
      if (!Files.isRegularFile(file)) {
        throw new CliException(ExitCode.USAGE, "Run config file not found: " + file.toAbsolutePath()
            + "; fix the path given to --config");
      }
      try {
        config = config.merge(file.toString().endsWith(".json") ? RunConfig.fromJson(file) : RunConfig.fromYaml(file));
      } catch (RunConfigParseException e) {
        throw new CliException(ExitCode.USAGE, e.getMessage(), e);
      }
    }
    return config;
  }

  /** The steps the plan will run (clones of mapped steps are counted as they start). */
  private int plannedSteps(PipelineDefinition pipeline, RunRequest request) {
    try {
      List<ExecutionStep> steps = ExecutionPlan.create(pipeline, request).steps();
      return (int) steps.stream().filter(step -> !step.isTemplate()).count();
    } catch (ConfigException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, "Cannot run pipeline '" + pipeline.name() + "': " + e.getMessage(), e);
    }
  }
}
