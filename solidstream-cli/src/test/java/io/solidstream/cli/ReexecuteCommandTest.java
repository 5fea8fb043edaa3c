package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.Instance;
import io.solidstream.instance.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solidstream runs reexecute}: end to end through the command line on an SQLite instance. */
class ReexecuteCommandTest {
  private static final Pattern RUN_ID = Pattern.compile("Run ([0-9a-f-]{36}) of pipeline");

  @TempDir
  Path home;

  private static String runId(CliRun run) {
    Matcher matcher = RUN_ID.matcher(run.out());
    assertThat(matcher.find()).as("run id in %s", run).isTrue();
    return matcher.group(1);
  }

  /** A run whose last step fails: its output directory lies under a regular file. */
  private String failedRun() throws IOException {
    Path blocker = Files.writeString(home.resolve("blocker"), "a file where a directory is expected");
    Path config = Files.writeString(home.resolve("etl.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + blocker.resolve("reports") + "'}\n");
    CliRun failed = CliRun.run(home, "run", "orders_etl", "--config", config.toString());
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.RUN_FAILED);
    assertThat(failed.out()).contains("write_report failed:");
    return runId(failed);
  }

  @Test
  void fromFailureRunsOnlyTheFailedStepReusingTheParentsOutputsAndLinksToTheParent() throws IOException {
    String parent = failedRun();
    Files.delete(home.resolve("blocker"));  // the cause of the failure is fixed

    CliRun retry = CliRun.run(home, "runs", "reexecute", parent, "--from-failure", "--tag", "fixed=yes");

    assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(ExitCode.OK);
    assertThat(retry.out()).contains("SUCCESS", "Parent run: " + parent);
    assertThat(retry.err()).contains("STEP_STARTED write_report").doesNotContain("STEP_STARTED load_orders");
    assertThat(home.resolve("blocker/reports")).isDirectory();
    try (Instance instance = Instance.open(home)) {
      RunRecord record = instance.run(runId(retry)).orElseThrow();
      assertThat(record.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(record.parentRunId()).contains(parent);
      assertThat(record.tags()).containsEntry("fixed", "yes");
    }
  }

  @Test
  void anUnknownRunIsAUsageErrorNamingTheRunAndHowToListRuns() {
    CliRun run = CliRun.run(home, "runs", "reexecute", "no-such-run", "--from-failure");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("No run 'no-such-run'", "solidstream runs list").doesNotContain("\tat ");
  }

  @Test
  void aRunWithoutFailureCannotBeReexecutedFromFailure() throws IOException {
    Path config = Files.writeString(home.resolve("ok.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + home.resolve("reports") + "'}\n");
    String ok = runId(CliRun.run(home, "run", "orders_etl", "--config", config.toString()));

    CliRun run = CliRun.run(home, "runs", "reexecute", ok, "--from-failure");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Run " + ok + " of pipeline 'orders_etl' succeeded", "--steps").doesNotContain("\tat ");
  }

  @Test
  void eitherFromFailureOrStepsIsRequired() {
    CliRun run = CliRun.run(home, "runs", "reexecute", "some-run");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--from-failure", "--steps");
  }
}
