package io.solidstream.samples;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.MetadataValue;
import io.solidstream.runtime.local.LocalRuntime;
import io.solidstream.samples.OrdersEtl.CustomerTotal;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrdersEtlTest {

  @TempDir Path tmp;

  private RunResult run(Map<String, Object> extraConfig) {
    RunConfig config = RunConfig.builder()
        .solidConfig("write_report", Map.of("output_dir", tmp.resolve("reports").toString()))
        .build()
        .merge(RunConfig.of(extraConfig));
    return LocalRuntime.create().execute(OrdersEtl.pipeline(), RunRequest.of(config));
  }

  @Test
  void totalsMatchAPlainJavaComputationOverTheBundledCsv() throws IOException {
    RunResult result = run(Map.of());

    assertThat(result).succeeded().hasOutput("aggregate_by_customer", OrdersEtl.TOTALS, expectedTotals());
    assertThat(result.output("load_orders", OrdersEtl.RAW_ORDERS)).hasSize(40);
    assertThat(result.output("validate_orders", OrdersEtl.VALID_ORDERS)).hasSize(34);
  }

  @Test
  void writesTheReportAndRecordsItAsAMaterialization() throws IOException {
    RunResult result = run(Map.of());

    assertThat(result).succeeded().hasMaterialization(OrdersEtl.REPORT_ASSET);
    Path report = Path.of(result.output("write_report", OrdersEtl.REPORT_PATH));
    assertThat(report).isRegularFile().hasFileName("orders_by_customer.md").startsWith(tmp);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).contains("| acme | EUR | 6 | 2086.79 | 347.80 |");
    for (CustomerTotal total : expectedTotals()) {
      assertThat(lines).contains("| " + total.customer() + " | " + total.currency() + " | " + total.orders() + " | "
          + total.total().toPlainString() + " | " + total.average().toPlainString() + " |");
    }

    List<RunEvent.AssetMaterialized> materialized = result.eventsOf(RunEvent.AssetMaterialized.class);
    assertThat(materialized).hasSize(1);
    assertThat(materialized.get(0).stepKey()).isEqualTo("write_report");
    assertThat(materialized.get(0).materialization().assetKey()).hasToString("reports/orders_by_customer");
    assertThat(materialized.get(0).materialization().metadata())
        .containsEntry("path", MetadataValue.path(report.toString()))
        .containsEntry("rows", MetadataValue.integer(expectedTotals().size()));
  }

  @Test
  void csvFormatWritesACsvReport() throws IOException {
    RunResult result = run(Map.of("solids", Map.of("write_report", Map.of("config", Map.of("format", "csv")))));

    Path report = Path.of(result.output("write_report", OrdersEtl.REPORT_PATH));
    assertThat(report).hasFileName("orders_by_customer.csv");
    List<String> lines = Files.readAllLines(report);
    assertThat(lines.get(0)).isEqualTo("customer,currency,orders,total,average");
    assertThat(lines).hasSize(expectedTotals().size() + 1).contains("acme,EUR,6,2086.79,347.80");
  }

  @Test
  void expectationsReportTheKnownBadRows() {
    RunResult result = run(Map.of());

    assertThat(result).succeeded()
        .hasFailedExpectation("customer_present")
        .hasFailedExpectation("amounts_parseable")
        .hasFailedExpectation("amounts_non_negative")
        .hasFailedExpectation("dates_valid");
    Map<String, ExpectationResult> byLabel = result.eventsOf(RunEvent.ExpectationChecked.class).stream()
        .map(RunEvent.ExpectationChecked::result)
        .collect(Collectors.toMap(ExpectationResult::label, r -> r));
    assertThat(byLabel).containsOnlyKeys("customer_present", "amounts_parseable", "amounts_non_negative",
        "dates_valid");
    assertFailed(byLabel.get("customer_present"), 2, "O-1013, O-1034");
    assertFailed(byLabel.get("amounts_parseable"), 1, "O-1021");
    assertFailed(byLabel.get("amounts_non_negative"), 2, "O-1007, O-1030");
    assertFailed(byLabel.get("dates_valid"), 1, "O-1026");
  }

  @Test
  void expectationsPassWhenTheBadRowsAreNotRead() {
    RunResult result = run(Map.of("solids", Map.of("load_orders", Map.of("config", Map.of("limit", 5)))));

    assertThat(result).succeeded();
    assertThat(result.output("load_orders", OrdersEtl.RAW_ORDERS)).hasSize(5);
    assertThat(result.eventsOf(RunEvent.ExpectationChecked.class))
        .allSatisfy(e -> assertThat(e.result().success()).as(e.result().label()).isTrue());
  }

  @Test
  void readsAnotherFileGivenByPath() throws IOException {
    Path csv = tmp.resolve("few.csv");
    Files.writeString(csv, OrdersEtl.HEADER + "\n"
        + "A-1, zed ,10.50,EUR,2024-01-01\n"
        + "\n"
        + "A-2,zed,4.50,EUR,2024-01-02\n");

    RunResult result = run(Map.of("solids", Map.of("load_orders", Map.of("config", Map.of("path", csv.toString())))));

    assertThat(result).succeeded();
    assertThat(result.output("aggregate_by_customer", OrdersEtl.TOTALS)).containsExactly(
        new CustomerTotal("zed", "EUR", 2, new BigDecimal("15.00"), new BigDecimal("7.50")));
  }

  @Test
  void tooManyInvalidRowsFailValidationAndSkipTheReport() {
    RunResult result = run(Map.of("solids",
        Map.of("validate_orders", Map.of("config", Map.of("max_invalid_fraction", 0.1)))));

    assertThat(result).failed().stepFailed("validate_orders").stepWasSkipped("write_report");
    assertThat(result.eventsOf(RunEvent.StepFailed.class).get(0).error().toString())
        .contains("6 of 40 orders are invalid");
    assertThat(tmp.resolve("reports")).doesNotExist();
  }

  @Test
  void malformedLineIsReportedWithItsNumber() {
    assertThatThrownBy(() -> OrdersEtl.parse(List.of(OrdersEtl.HEADER, "A-1,zed,1,EUR,2024-01-01", "A-2,\"a,b\",1,EUR,2024-01-01"),
        "x.csv", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.csv line 3: expected 5 comma-separated fields");
  }

  @Test
  void invalidRunConfigListsEveryError() {
    RunConfig config = RunConfig.fromYaml("""
        solids:
          load_orders:
            config: {limit: many}
          write_report:
            config: {format: pdf, output_dri: /tmp}
        """);

    assertThatThrownBy(() -> LocalRuntime.create().execute(OrdersEtl.pipeline(), RunRequest.of(config)))
        .isInstanceOfSatisfying(RunConfigException.class, e -> assertThat(e.errors()).hasSize(3))
        .hasMessageStartingWith("Invalid run config for pipeline 'orders_etl': 3 errors")
        .hasMessageContaining("solids.load_orders.config.limit")
        .hasMessageContaining("solids.write_report.config.format")
        .hasMessageContaining("output_dri");
  }

  private static void assertFailed(ExpectationResult result, int failed, String ids) {
    assertThat(result.success()).as(result.label()).isFalse();
    assertThat(result.metadata())
        .containsEntry("checked", MetadataValue.integer(40))
        .containsEntry("failed", MetadataValue.integer(failed))
        .containsEntry("failed_order_ids", MetadataValue.text(ids));
  }

  /** Totals per customer and currency, computed with streams straight from the bundled CSV. */
  private static List<CustomerTotal> expectedTotals() throws IOException {
    List<String[]> valid;
    try (InputStream in = OrdersEtlTest.class.getResourceAsStream("/orders.csv")) {
      valid = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .skip(1)
          .map(line -> line.split(","))
          .map(f -> new String[] {f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim()})
          .filter(f -> !f[1].isEmpty())
          .filter(f -> f[2].matches("\\d+(\\.\\d+)?"))
          .filter(f -> isDate(f[4]))
          .toList();
    }
    Map<List<String>, List<BigDecimal>> amounts = valid.stream().collect(Collectors.groupingBy(
        f -> List.of(f[1], f[3]),
        Collectors.mapping(f -> new BigDecimal(f[2]), Collectors.toList())));
    return amounts.entrySet().stream()
        .map(e -> {
          BigDecimal total = e.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          return new CustomerTotal(e.getKey().get(0), e.getKey().get(1), e.getValue().size(), total,
              total.divide(BigDecimal.valueOf(e.getValue().size()), 2, RoundingMode.HALF_UP));
        })
        .sorted((a, b) -> a.customer().equals(b.customer())
            ? a.currency().compareTo(b.currency()) : a.customer().compareTo(b.customer()))
        .toList();
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
