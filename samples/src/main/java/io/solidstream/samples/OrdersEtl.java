package io.solidstream.samples;

import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.MetadataValue;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The orders ETL sample: load a CSV of orders, check and drop bad rows, total the orders per
 * customer and currency, and write a report.
 *
 * <pre>
 * load_orders -&gt; validate_orders -&gt; aggregate_by_customer -&gt; write_report
 * </pre>
 *
 * <p>Run config (every field has a default, so an empty run config works):
 *
 * <pre>{@code
 * solids:
 *   load_orders:
 *     config: {path: data/orders.csv, limit: 1000}   # path: the bundled orders.csv when left out
 *   validate_orders:
 *     config: {max_invalid_fraction: 0.25}           # fail when more rows than this are invalid
 *   write_report:
 *     config: {output_dir: target/reports, format: markdown}   # or csv
 * }</pre>
 *
 * <p>The CSV reader is deliberately simple: a header line {@code
 * order_id,customer,amount,currency,date}, then one order per line, fields separated by commas and
 * trimmed. Quoted fields are not supported, so values must not contain commas; a line with another
 * number of fields fails {@code load_orders} with its line number. Bad <em>values</em> (a missing
 * customer, an amount that is negative or not a number, an invalid date) are not errors of the
 * reader: {@code validate_orders} reports them as failed expectations and drops those rows.
 */
public final class OrdersEtl {

  /** The pipeline's name. */
  public static final String NAME = "orders_etl";

  /** The classpath resource read when {@code load_orders} has no {@code path}. */
  public static final String BUNDLED_ORDERS = "/orders.csv";

  /** The header the orders CSV must start with. */
  public static final String HEADER = "order_id,customer,amount,currency,date";

  /** The asset written by {@code write_report}. */
  public static final AssetKey REPORT_ASSET = AssetKey.of("reports", "orders_by_customer");

  /**
   * One CSV line as text, before validation.
   *
   * @param line the 1-based line number in the file (the header is line 1)
   */
  public record RawOrder(int line, String orderId, String customer, String amount, String currency, String date)
      implements Serializable {}

  /** A valid order. */
  public record Order(String orderId, String customer, BigDecimal amount, String currency, LocalDate date)
      implements Serializable {
    public Order {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * The orders of one customer in one currency (amounts in different currencies are not added up).
   *
   * @param average {@code total / orders}, rounded half-up to 2 decimals
   */
  public record CustomerTotal(String customer, String currency, int orders, BigDecimal total, BigDecimal average)
      implements Serializable {}

  public static final OutputDef<List<RawOrder>> RAW_ORDERS =
      OutputDef.of("raw_orders", new TypeRef<List<RawOrder>>() {});
  public static final InputDef<List<RawOrder>> VALIDATE_INPUT =
      InputDef.of("raw_orders", new TypeRef<List<RawOrder>>() {});
  public static final OutputDef<List<Order>> VALID_ORDERS =
      OutputDef.of("valid_orders", new TypeRef<List<Order>>() {});
  public static final InputDef<List<Order>> AGGREGATE_INPUT =
      InputDef.of("orders", new TypeRef<List<Order>>() {});
  public static final OutputDef<List<CustomerTotal>> TOTALS =
      OutputDef.of("totals", new TypeRef<List<CustomerTotal>>() {});
  public static final InputDef<List<CustomerTotal>> REPORT_INPUT =
      InputDef.of("totals", new TypeRef<List<CustomerTotal>>() {});
  public static final OutputDef<String> REPORT_PATH = OutputDef.of("report_path", String.class)
      .describedAs("absolute path of the written report");

  /** Reads the orders CSV into {@link RawOrder}s. */
  public static final SolidDefinition LOAD_ORDERS = SolidDefinition.builder("load_orders")
      .description("reads the orders CSV (the bundled orders.csv unless a path is given)")
      .config(ConfigType.shape()
          .field(ConfigField.optional("path", ConfigType.string())
              .description("CSV file to read; the bundled orders.csv when left out"))
          .field(ConfigField.withDefault("limit", ConfigType.integer(), 1000)
              .description("read at most this many orders"))
          .build())
      .returning(RAW_ORDERS, (ctx, in) -> {
        int limit = ctx.config().getInt("limit");
        if (limit < 0) {
          throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        List<RawOrder> rows;
        if (ctx.config().has("path")) {
          Path path = Path.of(ctx.config().getString("path"));
          rows = parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString(), limit);
        } else {
          rows = parse(bundledLines(), "classpath:" + BUNDLED_ORDERS, limit);
        }
        ctx.log().info("read {} orders", rows.size());
        return rows;
      })
      .build();

  /** Checks every row, reports each check as an expectation, and keeps the valid rows. */
  public static final SolidDefinition VALIDATE_ORDERS = SolidDefinition.builder("validate_orders")
      .description("checks customers, amounts and dates; drops invalid rows")
      .input(VALIDATE_INPUT)
      .config(ConfigType.shape()
          .field(ConfigField.withDefault("max_invalid_fraction", ConfigType.doubleType(), 0.25)
              .description("fail when a larger fraction of the rows is invalid"))
          .build())
      .returning(VALID_ORDERS, (ctx, in) -> {
        List<RawOrder> rows = in.get(VALIDATE_INPUT);
        List<String> noCustomer = new ArrayList<>();
        List<String> unparsableAmount = new ArrayList<>();
        List<String> negativeAmount = new ArrayList<>();
        List<String> invalidDate = new ArrayList<>();
        List<Order> valid = new ArrayList<>();
        for (RawOrder row : rows) {
          boolean ok = true;
          if (row.customer().isEmpty()) {
            noCustomer.add(row.orderId());
            ok = false;
          }
          BigDecimal amount = parseAmount(row.amount());
          if (amount == null) {
            unparsableAmount.add(row.orderId());
            ok = false;
          } else if (amount.signum() < 0) {
            negativeAmount.add(row.orderId());
            ok = false;
          }
          LocalDate date = parseDate(row.date());
          if (date == null) {
            invalidDate.add(row.orderId());
            ok = false;
          }
          if (ok) {
            valid.add(new Order(row.orderId(), row.customer(), amount, row.currency(), date));
          }
        }
        int checked = rows.size();
        ctx.expect(expectation("customer_present", "have no customer", noCustomer, checked));
        ctx.expect(expectation("amounts_parseable", "have an amount that is not a number", unparsableAmount,
            checked));
        ctx.expect(expectation("amounts_non_negative", "have a negative amount", negativeAmount, checked));
        ctx.expect(expectation("dates_valid", "have an invalid date", invalidDate, checked));

        int invalid = checked - valid.size();
        double maxFraction = ctx.config().getDouble("max_invalid_fraction");
        if (checked > 0 && (double) invalid / checked > maxFraction) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "%d of %d orders are invalid (%.1f%%), more than max_invalid_fraction %s allows",
              invalid, checked, 100.0 * invalid / checked, maxFraction));
        }
        ctx.log().info("{} of {} orders are valid", valid.size(), checked);
        return List.copyOf(valid);
      })
      .build();

  /** Totals, counts and averages per customer and currency, sorted by customer then currency. */
  public static final SolidDefinition AGGREGATE_BY_CUSTOMER = SolidDefinition.builder("aggregate_by_customer")
      .description("order count, total and average amount per customer and currency")
      .input(AGGREGATE_INPUT)
      .returning(TOTALS, (ctx, in) -> aggregate(in.get(AGGREGATE_INPUT)))
      .build();

  /** Writes the totals as a Markdown or CSV file and records it as a materialization. */
  public static final SolidDefinition WRITE_REPORT = SolidDefinition.builder("write_report")
      .description("writes the per-customer totals to output_dir and materializes reports/orders_by_customer")
      .input(REPORT_INPUT)
      .config(ConfigType.shape()
          .field(ConfigField.withDefault("output_dir", ConfigType.string(), "target/reports")
              .description("directory of the report, created if missing"))
          .field(ConfigField.withDefault("format", ConfigType.enumOf("markdown", "csv"), "markdown"))
          .build())
      .returning(REPORT_PATH, (ctx, in) -> {
        List<CustomerTotal> totals = in.get(REPORT_INPUT);
        String format = ctx.config().getString("format");
        Path dir = Path.of(ctx.config().getString("output_dir")).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        boolean csv = format.equals("csv");
        Path file = dir.resolve("orders_by_customer" + (csv ? ".csv" : ".md"));
        String text = csv ? renderCsv(totals) : renderMarkdown(totals);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ctx.materialize(Materialization.of(REPORT_ASSET)
            .withDescription("orders per customer and currency")
            .withMetadata("path", MetadataValue.path(file.toString()))
            .withMetadata("rows", totals.size())
            .withMetadata("format", format));
        return file.toString();
      })
      .build();

  private OrdersEtl() {}

  /** The pipeline: {@code load_orders -> validate_orders -> aggregate_by_customer -> write_report}. */
  public static PipelineDefinition pipeline() {
    PipelineBuilder p = PipelineDefinition.builder(NAME)
        .description("orders CSV -> validated orders -> totals per customer -> report");
    SolidNode load = p.add(LOAD_ORDERS);
    SolidNode validate = p.add(VALIDATE_ORDERS).wire(VALIDATE_INPUT, load.output(RAW_ORDERS));
    SolidNode aggregate = p.add(AGGREGATE_BY_CUSTOMER).wire(AGGREGATE_INPUT, validate.output(VALID_ORDERS));
    p.add(WRITE_REPORT).wire(REPORT_INPUT, aggregate.output(TOTALS));
    return p.build();
  }

  /**
   * Parses orders CSV lines (header first); blank lines are skipped.
   *
   * @param source names the file in error messages
   * @param limit the maximum number of orders returned
   * @throws IllegalArgumentException if the header is wrong or a line does not have 5 fields
   */
  public static List<RawOrder> parse(List<String> lines, String source, int limit) {
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new IllegalArgumentException(source + ": the first line must be the header '" + HEADER + "', was '"
          + (lines.isEmpty() ? "" : lines.get(0)) + "'");
    }
    List<RawOrder> rows = new ArrayList<>();
    for (int i = 1; i < lines.size() && rows.size() < limit; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 5) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 5 comma-separated fields ("
            + HEADER + "), found " + fields.length + " (quoted fields are not supported): " + line);
      }
      rows.add(new RawOrder(i + 1, fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip(),
          fields[4].strip()));
    }
    return List.copyOf(rows);
  }

  /** The lines of the bundled orders CSV. */
  public static List<String> bundledLines() throws IOException {
    return Resources.lines(BUNDLED_ORDERS);
  }

  /** Orders grouped by customer and currency, sorted by customer then currency. */
  public static List<CustomerTotal> aggregate(List<Order> orders) {
    Map<String, Map<String, List<Order>>> groups = new TreeMap<>();
    for (Order order : orders) {
      groups.computeIfAbsent(order.customer(), c -> new TreeMap<>())
          .computeIfAbsent(order.currency(), c -> new ArrayList<>())
          .add(order);
    }
    List<CustomerTotal> totals = new ArrayList<>();
    groups.forEach((customer, byCurrency) -> byCurrency.forEach((currency, group) -> {
      BigDecimal total = group.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal average = total.divide(BigDecimal.valueOf(group.size()), 2, RoundingMode.HALF_UP);
      totals.add(new CustomerTotal(customer, currency, group.size(), total, average));
    }));
    totals.sort(Comparator.comparing(CustomerTotal::customer).thenComparing(CustomerTotal::currency));
    return List.copyOf(totals);
  }

  private static BigDecimal parseAmount(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ExpectationResult expectation(String label, String problem, List<String> failedIds, int checked) {
    return ExpectationResult.of(label, failedIds.isEmpty())
        .withDescription(failedIds.size() + " of " + checked + " orders " + problem)
        .withMetadata("checked", checked)
        .withMetadata("failed", failedIds.size())
        .withMetadata("failed_order_ids", failedIds.isEmpty() ? "(none)" : String.join(", ", failedIds));
  }

  private static String renderMarkdown(List<CustomerTotal> totals) {
    StringBuilder text = new StringBuilder("# Orders by customer\n\n")
        .append("| Customer | Currency | Orders | Total | Average |\n")
        .append("|---|---|---:|---:|---:|\n");
    for (CustomerTotal t : totals) {
      text.append("| ").append(t.customer()).append(" | ").append(t.currency()).append(" | ").append(t.orders())
          .append(" | ").append(t.total().toPlainString()).append(" | ").append(t.average().toPlainString())
          .append(" |\n");
    }
    return text.toString();
  }

  private static String renderCsv(List<CustomerTotal> totals) {
    StringBuilder text = new StringBuilder("customer,currency,orders,total,average\n");
    for (CustomerTotal t : totals) {
      text.append(t.customer()).append(',').append(t.currency()).append(',').append(t.orders()).append(',')
          .append(t.total().toPlainString()).append(',').append(t.average().toPlainString()).append('\n');
    }
    return text.toString();
  }
}
