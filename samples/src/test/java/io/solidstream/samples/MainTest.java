package io.solidstream.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(tmp.resolve("config.yaml"), yaml);
  }

  @Test
  void runsOrdersEtlByDefaultWithAConfigFile() throws IOException {
    Path config = config("solids:\n  write_report:\n    config: {output_dir: '" + tmp.resolve("out") + "'}\n");

    int code = run("--config", config.toString());

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(summary).startsWith("Pipeline  orders_etl\n").contains("Status    SUCCESS").contains("  STEP ");
    assertThat(tmp.resolve("out/orders_by_customer.md")).isRegularFile();
  }

  @Test
  void runsWeatherAlertsWithTheBundledConfigMergedWithTheFile() throws IOException {
    Path config = config("resources:\n  notifier:\n    config: {echo: false}\n");

    int code = run("weather-alerts", "--config", config.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Pipeline  weather_alerts\n")
        .containsPattern("(?m)^  fetch_readings\\[SMA\\] +SUCCESS +2 +\\d+$");
  }

  @Test
  void runsTheClickCountsStreamProgramAndPrintsCountsLateClicksAndCounters() {
    int code = run("click-counts");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Stream program  click_counts\nStatus          FINISHED\n")
        .contains("windows, 294 clicks")
        .contains("Late clicks (after the watermark passed their window; on the side output): 6")
        .containsPattern("(?m)^  click_counts/count_per_minute +300 +\\d+ +0$");
  }

  @Test
  void runsTheClickSessionsStreamProgram() {
    int code = run("click-sessions");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Stream program  click_sessions\n")
        .contains("Sessions (gap 30 min): 22 sessions of 8 users, 294 clicks")
        .containsPattern("(?m)^  gus +09:58:19 +10:24:53 +26 +20 +9$");
  }

  @Test
  void runsTheClickReportPipelineWithAStreamInside() throws IOException {
    Path config = config("solids:\n  write_report:\n    config: {output_dir: '" + tmp.resolve("out") + "'}\n");

    int code = run("click-report", "--config", config.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Pipeline  click_report\n")
        .containsPattern("(?m)^  sessionize +SUCCESS +1 +\\d+$");
    assertThat(tmp.resolve("out/click_sessions.md")).isRegularFile();
  }

  @Test
  void aStreamSampleTakesNoRunConfig() throws IOException {
    Path config = config("solids: {}\n");

    assertThat(run("click-counts", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("--config applies to pipeline samples; 'click-counts' is a stream program");
  }

  @Test
  void failedRunExitsWithOne() throws IOException {
    Path config = config("solids:\n  validate_orders:\n    config: {max_invalid_fraction: 0.0}\n"
        + "  write_report:\n    config: {output_dir: '" + tmp + "'}\n");

    assertThat(run("orders-etl", "--config", config.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Status    FAILURE");
  }

  @Test
  void invalidRunConfigPrintsEveryErrorAndExitsWithOne() throws IOException {
    Path config = config("solids:\n  load_orders:\n    config: {limit: lots}\n  nope: {}\n");

    assertThat(run("--config", config.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Invalid run config for pipeline 'orders_etl': 2 errors")
        .contains("solids.load_orders.config.limit")
        .contains("nope");
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(run("no-such-sample")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown sample 'no-such-sample'")
        .contains("orders-etl, weather-alerts");
    assertThat(run("--config")).isEqualTo(2);
    assertThat(run("--config", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
  }
}
