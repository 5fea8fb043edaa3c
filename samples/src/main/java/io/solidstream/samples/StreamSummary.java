package io.solidstream.samples;

import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.StreamResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the result of a stream sample for the console: the program and its status, the
 * sample's own body, and a table of operator counters.
 *
 * <pre>
 * Stream program  click_counts
 * Status          FINISHED
 *
 * ...body...
 *
 * Operators
 *   OPERATOR                       IN  OUT  LATE DROPPED
 *   click_counts/source           300  300             0
 * </pre>
 */
public final class StreamSummary {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private StreamSummary() {}

  /** The summary of {@code result} around {@code body}, lines separated by {@code \n}, ending with a newline. */
  public static String format(StreamResult result, String body) {
    StringBuilder text = new StringBuilder();
    text.append("Stream program  ").append(result.program()).append('\n');
    text.append("Status          ").append(result.status()).append('\n');
    result.failure().ifPresent(f -> text.append("Failure         ").append(f.getMessage()).append('\n'));
    if (!body.isEmpty()) {
      text.append('\n').append(body);
      if (!body.endsWith("\n")) {
        text.append('\n');
      }
    }
    text.append("\nOperators\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"OPERATOR", "IN", "OUT", "LATE DROPPED"});
    for (OperatorMetrics m : result.metrics().values()) {
      rows.add(new String[] {m.operator(), Long.toString(m.recordsIn()), Long.toString(m.recordsOut()),
          Long.toString(m.lateRecordsDropped())});
    }
    table(text, rows);
    return text.toString();
  }

  /** A time of day in UTC, {@code HH:mm:ss}. */
  public static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Appends {@code rows} as an indented table: the first column left-aligned, the others right-aligned. */
  public static void table(StringBuilder text, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        String cell = row[i];
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(i == 0 ? cell + pad : pad + cell);
        if (i < columns - 1) {
          line.append("  ");
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
