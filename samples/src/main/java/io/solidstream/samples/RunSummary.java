package io.solidstream.samples;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.MetadataValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link RunResult} as a plain-text run summary for the console:
 *
 * <pre>
 * Pipeline  orders_etl
 * Run id    3f0c...
 * Status    SUCCESS
 * Duration  84 ms
 *
 * Steps
 *   STEP                   STATUS   ATTEMPTS  DURATION (ms)
 *   load_orders            SUCCESS         1             12
 *   ...
 *
 * Outputs
 *   load_orders.raw_orders = 40 items: [RawOrder[line=2, orderId=O-1001, ...
 *
 * Materializations
 *   reports/orders_by_customer (write_report): path=/.../orders_by_customer.md, rows=7
 *
 * Failed expectations
 *   validate_orders: customer_present - 2 of 40 orders have no customer (failed_order_ids=O-1013, O-1034)
 * </pre>
 *
 * <p>Failed runs also list each failed step with its error and the reason the run failed.
 */
public final class RunSummary {
  /** Output previews are cut to this many characters. */
  static final int PREVIEW_LENGTH = 90;

  private RunSummary() {}

  /** The summary of {@code result}, lines separated by {@code \n}, ending with a newline. */
  public static String format(RunResult result) {
    StringBuilder text = new StringBuilder();
    text.append("Pipeline  ").append(result.pipelineName()).append('\n');
    text.append("Run id    ").append(result.runId()).append('\n');
    text.append("Status    ").append(result.status()).append('\n');
    text.append("Duration  ").append(result.duration().toMillis()).append(" ms\n");

    text.append("\nSteps\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"STEP", "STATUS", "ATTEMPTS", "DURATION (ms)"});
    for (StepStats step : result.steps()) {
      rows.add(new String[] {
        step.stepKey(), step.status().name(), Integer.toString(step.attempts()),
        Long.toString(step.duration().toMillis())
      });
    }
    appendTable(text, rows);

    text.append("\nOutputs\n");
    if (result.outputs().isEmpty()) {
      text.append("  (none)\n");
    }
    for (Map.Entry<StepOutputKey, Object> output : result.outputs().entrySet()) {
      text.append("  ").append(output.getKey()).append(" = ").append(preview(output.getValue())).append('\n');
    }

    text.append("\nMaterializations\n");
    List<RunEvent.AssetMaterialized> materializations = result.eventsOf(RunEvent.AssetMaterialized.class);
    if (materializations.isEmpty()) {
      text.append("  (none)\n");
    }
    for (RunEvent.AssetMaterialized event : materializations) {
      Materialization m = event.materialization();
      text.append("  ").append(m.assetKey()).append(" (").append(event.stepKey()).append(')');
      if (!m.metadata().isEmpty()) {
        text.append(": ").append(metadata(m.metadata()));
      }
      text.append('\n');
    }

    text.append("\nFailed expectations\n");
    List<RunEvent.ExpectationChecked> failed = result.eventsOf(RunEvent.ExpectationChecked.class).stream()
        .filter(e -> !e.result().success())
        .toList();
    if (failed.isEmpty()) {
      text.append("  (none)\n");
    }
    for (RunEvent.ExpectationChecked event : failed) {
      ExpectationResult r = event.result();
      text.append("  ").append(event.stepKey()).append(": ").append(r.label());
      if (!r.description().isEmpty()) {
        text.append(" - ").append(r.description());
      }
      if (!r.metadata().isEmpty()) {
        text.append(" (").append(metadata(r.metadata())).append(')');
      }
      text.append('\n');
    }

    List<RunEvent.StepFailed> stepFailures = result.eventsOf(RunEvent.StepFailed.class);
    List<RunEvent.RunFailed> runFailures = result.eventsOf(RunEvent.RunFailed.class);
    if (!stepFailures.isEmpty() || !runFailures.isEmpty()) {
      text.append("\nFailures\n");
      for (RunEvent.StepFailed event : stepFailures) {
        text.append("  ").append(event.stepKey()).append(" (attempt ").append(event.attempt()).append("): ")
            .append(firstLine(event.error().toString())).append('\n');
      }
      for (RunEvent.RunFailed event : runFailures) {
        text.append("  run: ").append(firstLine(event.reason())).append('\n');
      }
    }
    return text.toString();
  }

  /** A one-line preview of an output value: collections show their size and first elements. */
  static String preview(Object value) {
    String text;
    if (value instanceof Collection<?> collection) {
      text = collection.size() + (collection.size() == 1 ? " item: " : " items: ") + collection;
    } else if (value instanceof Map<?, ?> map) {
      text = map.size() + (map.size() == 1 ? " entry: " : " entries: ") + map;
    } else {
      text = String.valueOf(value);
    }
    text = firstLine(text);
    return text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH - 3) + "..." : text;
  }

  private static String metadata(Map<String, MetadataValue> metadata) {
    StringBuilder text = new StringBuilder();
    for (Iterator<Map.Entry<String, MetadataValue>> it = metadata.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, MetadataValue> entry = it.next();
      text.append(entry.getKey()).append('=').append(entry.getValue().text());
      if (it.hasNext()) {
        text.append(", ");
      }
    }
    return text.toString();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }

  /** Left-aligns the first two columns and right-aligns the others. */
  private static void appendTable(StringBuilder text, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < columns; c++) {
        String cell = row[c];
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(c < 2 ? cell + pad : pad + cell);
        if (c < columns - 1) {
          line.append("  ");
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
