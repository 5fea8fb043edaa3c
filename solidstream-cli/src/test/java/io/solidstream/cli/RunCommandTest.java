package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.Instance;
import io.solidstream.instance.RunQuery;
import io.solidstream.instance.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final Pattern RUN_ID = Pattern.compile("Run ([0-9a-f-]{36}) of pipeline");

  @TempDir
  Path home;

  private Path reportConfig() throws IOException {
    return Files.writeString(home.resolve("etl.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + home.resolve("reports") + "'}\n");
  }

  private static String runId(CliRun run) {
    Matcher matcher = RUN_ID.matcher(run.out());
    assertThat(matcher.find()).as("run id in %s", run).isTrue();
    return matcher.group(1);
  }

  @Test
  void aSucceedingRunExitsZeroAndIsRecordedInTheInstanceWithItsTags() throws IOException {
    CliRun run = CliRun.run(home, "run", "orders_etl", "--config", reportConfig().toString(),
        "--tag", "team=data", "--tag", "schedule=nightly");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("of pipeline 'orders_etl': SUCCESS", "Steps: 4 succeeded");
    String runId = runId(run);
    try (Instance instance = Instance.open(home)) {
      RunRecord record = instance.run(runId).orElseThrow();
      assertThat(record.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(record.tags()).containsEntry("team", "data").containsEntry("schedule", "nightly");
      assertThat(record.runtime()).isEqualTo("in-process");
    }
  }

  @Test
  void aFailingRunExitsOneNamingTheFailedStepAndItsError() throws IOException {
    Path config = Files.writeString(home.resolve("bad.yaml"),
        "solids:\n  load_orders:\n    config: {path: '" + home.resolve("missing.csv") + "'}\n");

    CliRun run = CliRun.run(home, "run", "orders_etl", "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
    assertThat(run.out()).contains("FAILURE", "load_orders failed:", "NoSuchFileException", "missing.csv", "1 failed, 3 skipped");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void withoutATerminalProgressIsOneLogLinePerStepEvent() throws IOException {
    CliRun run = CliRun.run(home, false, "run", "orders_etl", "--config", reportConfig().toString());

    assertThat(run.err().lines().filter(line -> line.contains("STEP_SUCCEEDED"))).hasSize(4);
    assertThat(run.err()).contains("RUN_STARTED", "STEP_STARTED load_orders", "RUN_SUCCEEDED").doesNotContain("\r");
  }

  @Test
  void onATerminalProgressIsABarRedrawnInPlaceAndClearedAtTheEnd() throws IOException {
    CliRun run = CliRun.run(home, true, "run", "orders_etl", "--config", reportConfig().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).contains("\r[", "] 1/4 steps", "[" + "#".repeat(30) + "] 4/4 steps")
        .doesNotContain("STEP_STARTED");
    assertThat(run.err()).endsWith("\r");
  }

  @Test
  void selectionRunsOnlyTheSelectedSolidsAndTheirUpstream() throws IOException {
    CliRun run = CliRun.run(home, "run", "orders_etl", "--select", "*aggregate_by_customer", "--progress", "none",
        "--config", reportConfig().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Steps: 3 succeeded");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aPipelineRunsOnTheFlinkMiniClusterWhenAskedFor() throws IOException {
    CliRun run = CliRun.run(home, "run", "orders_etl", "--runtime", "flink-local", "--config", reportConfig().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    try (Instance instance = Instance.open(home)) {
      assertThat(instance.run(runId(run)).orElseThrow().runtime()).isEqualTo("flink-minicluster");
    }
  }

  @Test
  void runsListFiltersByPipelineStatusAndTagAndPages() throws IOException {
    Path config = reportConfig().toAbsolutePath();
    String first = runId(CliRun.run(home, "run", "orders_etl", "-c", config.toString(), "-t", "n=1"));
    String second = runId(CliRun.run(home, "run", "orders_etl", "-c", config.toString(), "-t", "n=2"));
    Path bad = Files.writeString(home.resolve("bad.yaml"), "solids: {load_orders: {config: {path: /nonexistent.csv}}}");
    String failed = runId(CliRun.run(home, "run", "orders_etl", "-c", bad.toString(), "-t", "n=3"));

    CliRun all = CliRun.run(home, "runs", "list");
    assertThat(all.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(all.out()).contains("RUN ID", first, second, failed, "n=1");

    assertThat(CliRun.run(home, "runs", "list", "--status", "failure").out()).contains(failed).doesNotContain(first, second);
    assertThat(CliRun.run(home, "runs", "list", "--tag", "n=2").out()).contains(second).doesNotContain(first, failed);
    assertThat(CliRun.run(home, "runs", "list", "--pipeline", "weather_alerts").out()).contains("No runs match.");

    CliRun page = CliRun.run(home, "runs", "list", "--limit", "2");
    assertThat(page.out()).contains(failed, second).doesNotContain(first);
    Matcher next = Pattern.compile("--after (\\S+)").matcher(page.out());
    assertThat(next.find()).as(page.toString()).isTrue();
    CliRun rest = CliRun.run(home, "runs", "list", "--limit", "2", "--after", next.group(1));
    assertThat(rest.out()).contains(first).doesNotContain(second, failed, "--after");
  }

  @Test
  void runsShowPrintsTheRecordTheStepTableAndTheEventTimeline() throws IOException {
    String runId = runId(CliRun.run(home, "run", "orders_etl", "-c", reportConfig().toString(), "-t", "team=data"));

    CliRun show = CliRun.run(home, "runs", "show", runId);

    assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCode.OK);
    assertThat(show.out()).contains("Run       " + runId, "Pipeline  orders_etl", "Status    SUCCESS", "Tags      team=data",
        "STEP", "ATTEMPTS", "load_orders", "write_report", "+TIME", "RUN_STARTED", "STEP_OUTPUT", "RUN_SUCCEEDED");
    List<String> stepRows = show.out().lines().filter(line -> line.matches("\\s+\\w+\\s+SUCCESS\\s+1\\s+.*")).toList();
    assertThat(stepRows).hasSize(4);
  }

  @Test
  void pipelinesListsTheRegistryPipelinesWithTheirRunConfigSchema() {
    CliRun run = CliRun.run(home, "pipelines");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("orders_etl - ", "weather_alerts - ", "click_report - ",
        "solids: load_orders, validate_orders, aggregate_by_customer, write_report",
        "format: Enum[markdown|csv]  # default markdown",
        "channel: String  # required - chat channel");
  }

  @Test
  void theInstanceComesFromTheOptionBeforeTheEnvironment(@TempDir Path other) throws IOException {
    CliRun run = CliRun.run(home, "run", "orders_etl", "--instance", other.toString(), "-c", reportConfig().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    try (Instance instance = Instance.open(other)) {
      assertThat(instance.runs(RunQuery.all()).runIds()).containsExactly(runId(run));
    }
    assertThat(CliRun.run(home, "runs", "list").out()).contains("No runs match.");
  }
}
