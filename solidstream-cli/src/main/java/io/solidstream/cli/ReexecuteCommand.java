package io.solidstream.cli;

import io.solidstream.api.config.ConfigException;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.Instance;
import io.solidstream.instance.Reexecution;
import io.solidstream.instance.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solidstream runs reexecute RUN_ID --from-failure | --steps KEY,...}: a new run of the
 * recorded run's pipeline on the instance's runtime that runs only the failed and skipped steps
 * (or the chosen ones) and loads the other steps' outputs from the parent run's output storage.
 */
@Command(name = "reexecute", sortOptions = false,
    description = "Re-executes a finished run: from its failure, or chosen steps, reusing the outputs of the"
        + " parent run's other steps.")
final class ReexecuteCommand extends CliCommand.WithCommonOptions {

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to re-execute (see: solidstream runs list).")
  String parentRunId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--from-failure", required = true,
        description = "Run the steps that failed or were skipped, and everything downstream of them.")
    boolean fromFailure;

    @Option(names = "--steps", required = true, split = ",", paramLabel = "KEY",
        description = "Run these steps (Dagster-style: *key, key*, key+); comma-separated or repeatable.")
    List<String> steps = new ArrayList<>();
  }

  @Mixin
  RunOptions run;

  ReexecuteCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Reexecution reexecution = which.fromFailure ? Reexecution.fromFailure() : Reexecution.of(which.steps);
    Map<String, String> tags = run.tags();
    PipelineCatalog catalog = common.catalog();
    ClassLoader previousLoader = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(catalog.loader());
    try (Instance instance = common.openInstance(context)) {
      RunRecord parent = instance.run(parentRunId).orElseThrow(() -> new CliException(ExitCode.USAGE, "No run '"
          + parentRunId + "' in the instance " + instance.config().source()
          + "; list the runs with: solidstream runs list"));
      if (which.fromFailure && parent.status() == RunStatus.SUCCESS) {
        throw new CliException(ExitCode.USAGE, "Run " + parentRunId + " of pipeline '" + parent.pipelineName()
            + "' succeeded: there is no failure to re-execute from; re-execute chosen steps with --steps KEY,...");
      }
      PipelineDefinition pipeline = catalog.pipeline(parent.pipelineName());
      Progress progress = run.progress(context, pipeline.solids().size());
      RunRequest.Builder request = RunRequest.builder().environment(context.environment()).listener(progress);
      tags.forEach(request::tag);
      RunResult result;
      try {
        RunHandle handle = instance.submitReexecution(pipeline, parentRunId, reexecution, request.build());
        result = handle.await();
      } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
        throw new CliException(ExitCode.USAGE, e.getMessage(), e);
      } finally {
        progress.finish();
      }
      context.out().print(RunReport.summary(result));
      context.out().println("Parent run: " + parentRunId);
      context.out().flush();
      return result.success() ? ExitCode.OK : ExitCode.RUN_FAILED;
    } finally {
      Thread.currentThread().setContextClassLoader(previousLoader);
      catalog.close();
    }
  }
}
