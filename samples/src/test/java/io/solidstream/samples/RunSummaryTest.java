package io.solidstream.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.runtime.local.LocalRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {

  @TempDir Path tmp;

  @Test
  void successfulRunShowsHeaderStepTableOutputsMaterializationsAndFailedExpectations() {
    RunResult result = LocalRuntime.create().execute(OrdersEtl.pipeline(), RunRequest.of(RunConfig.builder()
        .solidConfig("write_report", Map.of("output_dir", tmp.toString()))
        .build()));

    String summary = RunSummary.format(result);

    assertThat(summary).startsWith("Pipeline  orders_etl\nRun id    " + result.runId() + "\nStatus    SUCCESS\n"
        + "Duration  " + result.duration().toMillis() + " ms\n\nSteps\n");
    assertThat(summary).containsPattern("(?m)^  STEP +STATUS +ATTEMPTS +DURATION \\(ms\\)$");
    for (String step : List.of("load_orders", "validate_orders", "aggregate_by_customer", "write_report")) {
      long millis = result.step(step).orElseThrow().duration().toMillis();
      assertThat(summary).containsPattern("(?m)^  " + step + " +SUCCESS +1 +" + millis + "$");
    }
    assertThat(summary)
        .contains("\nOutputs\n  load_orders.raw_orders = 40 items: [RawOrder[line=2, orderId=O-1001")
        .contains("  write_report.report_path = " + tmp.resolve("orders_by_customer.md"))
        .contains("\nMaterializations\n  reports/orders_by_customer (write_report): path="
            + tmp.resolve("orders_by_customer.md") + ", rows=7, format=markdown\n")
        .contains("\nFailed expectations\n  validate_orders: customer_present - 2 of 40 orders have no customer"
            + " (checked=40, failed=2, failed_order_ids=O-1013, O-1034)\n")
        .doesNotContain("Failures");
  }

  @Test
  void failedRunShowsFailedAndSkippedStepsAndTheErrors() {
    RunRequest request = RunRequest.builder()
        .runConfig(WeatherAlerts.defaultRunConfig().merge(RunConfig.builder()
            .resourceConfig("station_registry", Map.of("flaky_stations", List.of("OSL"), "timeouts_per_station", 3))
            .resourceConfig("notifier", Map.of("echo", false))
            .build()))
        .build();
    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request);

    String summary = RunSummary.format(result);

    assertThat(summary)
        .contains("Status    FAILURE\n")
        .containsPattern("(?m)^  fetch_readings\\[OSL\\] +FAILURE +3 +\\d+$")
        .containsPattern("(?m)^  fetch_readings\\[SMA\\] +SUCCESS +1 +\\d+$")
        .containsPattern("(?m)^  summarize_alerts +SKIPPED +0 +0$")
        .contains("\nMaterializations\n  (none)\n")
        .contains("\nFailed expectations\n  (none)\n")
        .contains("\nFailures\n  fetch_readings[OSL] (attempt 3): ")
        .contains("feed timed out for station OSL (request 3)")
        .containsPattern("(?m)^  run: .+$");
  }

  @Test
  void previewsAreShortAndCountCollectionElements() {
    List<Integer> many = IntStream.range(0, 1000).boxed().toList();

    assertThat(RunSummary.preview(many)).startsWith("1000 items: [0, 1, 2").hasSize(RunSummary.PREVIEW_LENGTH)
        .endsWith("...");
    assertThat(RunSummary.preview(List.of("a"))).isEqualTo("1 item: [a]");
    assertThat(RunSummary.preview(Map.of("k", 1))).isEqualTo("1 entry: {k=1}");
    assertThat(RunSummary.preview("line one\nline two")).isEqualTo("line one ...");
    assertThat(RunSummary.preview(null)).isEqualTo("null");
  }
}
