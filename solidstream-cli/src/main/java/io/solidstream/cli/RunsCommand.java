package io.solidstream.cli;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.Instance;
import io.solidstream.instance.RunPage;
import io.solidstream.instance.RunQuery;
import io.solidstream.instance.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solidstream runs}: the runs recorded in the instance: {@code list}, {@code show} and
 * {@code reexecute}.
 */
@Command(name = "runs", description = "Lists and inspects the runs recorded in the instance.",
    subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, ReexecuteCommand.class})
final class RunsCommand {

  /** {@code solidstream runs list}. */
  @Command(name = "list", sortOptions = false,
      description = "Lists runs, newest first, filtered by pipeline, status and tags (all must match).")
  static final class ListRuns extends CliCommand.WithCommonOptions {

    @Option(names = {"-p", "--pipeline"}, paramLabel = "NAME", description = "Only runs of this pipeline.")
    String pipeline;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
        description = "Only runs with one of these statuses: ${COMPLETION-CANDIDATES}; repeatable or comma-separated.")
    List<RunStatus> statuses = new ArrayList<>();

    @Option(names = {"-t", "--tag"}, paramLabel = "KEY=VALUE", description = "Only runs with this tag; repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Runs per page (1..10000). Default: ${DEFAULT-VALUE}.")
    int limit = 20;

    @Option(names = "--after", paramLabel = "CURSOR", description = "The page after this cursor (printed below a full page).")
    String after;

    ListRuns(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
        throw new CliException(ExitCode.USAGE, "Invalid --limit " + limit + ": must be between 1 and " + RunQuery.MAX_LIMIT);
      }
      RunQuery.Builder query = RunQuery.builder().limit(limit);
      if (pipeline != null) {
        query.pipeline(pipeline);
      }
      statuses.forEach(query::status);
      tags.forEach(query::tag);
      if (after != null) {
        query.after(after);
      }
      RunPage page;
      try (Instance instance = common.openInstance(context)) {
        page = instance.runs(query.build());
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.USAGE, "Invalid --after cursor '" + after + "': " + e.getMessage()
            + "; use the cursor printed below the previous page", e);
      }
      if (page.runs().isEmpty()) {
        context.out().println(after == null ? "No runs match." : "No more runs.");
      } else {
        context.out().print(RunReport.runTable(page.runs()));
      }
      page.nextCursor().ifPresent(cursor ->
          context.out().println("More runs: solidstream runs list --after " + cursor + " (with the same filters)"));
      context.out().flush();
      return ExitCode.OK;
    }
  }

  /** {@code solidstream runs show RUN_ID}. */
  @Command(name = "show", description = "Shows a run: its record, a table of its steps and the timeline of its events.")
  static final class ShowRun extends CliCommand.WithCommonOptions {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id (see: solidstream runs list).")
    String runId;

    ShowRun(CliContext context) {
      super(context);
    }

    @Override
    public Integer call() {
      try (Instance instance = common.openInstance(context)) {
        RunRecord run = instance.run(runId).orElseThrow(() -> new CliException(ExitCode.USAGE, "No run '" + runId
            + "' in the instance " + instance.config().source() + "; list the runs with: solidstream runs list"));
        List<RunEvent> events = instance.events(runId);
        context.out().print(RunReport.show(run, instance.stepStats(runId), events));
        context.out().flush();
        return ExitCode.OK;
      }
    }
  }
}
