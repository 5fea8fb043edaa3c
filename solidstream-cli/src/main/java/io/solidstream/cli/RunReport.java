package io.solidstream.cli;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.instance.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text renderings of runs: the summary after {@code run}, the tables of {@code runs list} and {@code runs show}. */
final class RunReport {
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RunReport() {}

  /** The summary printed after a run: id, status, duration, step counts, failed steps with their errors. */
  static String summary(RunResult result) {
    List<StepStats> steps = result.steps();
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(result.runId()).append(" of pipeline '").append(result.pipelineName()).append("': ")
        .append(result.status()).append(" in ").append(duration(result.duration())).append('\n');
    out.append("Steps: ").append(countsByStatus(steps)).append('\n');
    for (RunEvent.StepFailed failed : result.eventsOf(RunEvent.StepFailed.class)) {
      out.append("  ").append(failed.stepKey()).append(" failed: ").append(error(failed.error())).append('\n');
    }
    for (RunEvent.RunFailed failed : result.eventsOf(RunEvent.RunFailed.class)) {
      if (failed.failedSteps().isEmpty()) {
        out.append("  ").append(failed.reason()).append('\n');
      }
    }
    out.append("Details: solidstream runs show ").append(result.runId()).append('\n');
    return out.toString();
  }

  /** {@code 3 succeeded, 1 failed, 1 skipped}. */
  static String countsByStatus(List<StepStats> steps) {
    if (steps.isEmpty()) {
      return "none ran";
    }
    Map<StepStatus, Long> counts = steps.stream()
        .collect(Collectors.groupingBy(StepStats::status, () -> new java.util.EnumMap<>(StepStatus.class),
            Collectors.counting()));
    List<String> parts = new ArrayList<>();
    counts.forEach((status, count) -> parts.add(count + " " + switch (status) {
      case SUCCESS -> "succeeded";
      case FAILURE -> "failed";
      case SKIPPED -> "skipped";
      case IN_PROGRESS -> "in progress";
    }));
    return String.join(", ", parts);
  }

  /** The error's class and message, and its causes'. */
  static String error(ErrorInfo error) {
    if (error == null) {
      return "(no error recorded)";
    }
    StringBuilder text = new StringBuilder(simpleName(error.className()) + ": " + error.message());
    for (ErrorInfo cause = error.cause(); cause != null; cause = cause.cause()) {
      text.append(" (caused by ").append(simpleName(cause.className())).append(": ").append(cause.message()).append(')');
    }
    return text.toString();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** {@code 1.234 s}, {@code 2 min 3 s}. */
  static String duration(Duration duration) {
    if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
      return String.format(java.util.Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
    }
    return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
  }

  /** A time in UTC, or {@code -}. */
  static String time(Instant instant) {
    return instant == null ? "-" : DATE_TIME.format(instant);
  }

  /** The table of {@code runs list}. */
  static String runTable(List<RunRecord> runs) {
    Table table = new Table("RUN ID", "PIPELINE", "STATUS", "CREATED (UTC)", "DURATION", "TAGS");
    for (RunRecord run : runs) {
      table.row(run.runId(), run.pipelineName(), run.status().name(), time(run.createdAt()),
          run.endedAt() == null ? "-" : duration(run.duration()), tags(run.tags()));
    }
    return table.render();
  }

  /** {@code k=v, k2=v2}. */
  static String tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** The detail of {@code runs show}: the record, the step table and the event timeline. */
  static String show(RunRecord run, List<StepStats> steps, List<RunEvent> events) {
    StringBuilder out = new StringBuilder();
    out.append("Run       ").append(run.runId()).append('\n');
    out.append("Pipeline  ").append(run.pipelineName()).append('\n');
    out.append("Status    ").append(run.status()).append('\n');
    out.append("Runtime   ").append(run.runtime()).append(" (launched by ").append(run.owner()).append(")\n");
    out.append("Created   ").append(time(run.createdAt())).append(" UTC\n");
    out.append("Started   ").append(time(run.startedAt())).append('\n');
    out.append("Ended     ").append(time(run.endedAt()))
        .append(run.endedAt() == null ? "" : "  (" + duration(run.duration()) + ")").append('\n');
    if (!run.tags().isEmpty()) {
      out.append("Tags      ").append(tags(run.tags())).append('\n');
    }
    if (run.selection() != null) {
      out.append("Selection ").append(run.selection()).append('\n');
    }
    run.parent().ifPresent(parent -> out.append("Parent    ").append(parent).append('\n'));

    out.append("\nSteps\n");
    Table stepTable = new Table("STEP", "STATUS", "ATTEMPTS", "START", "DURATION");
    for (StepStats step : steps) {
      stepTable.row(step.stepKey(), step.status().name(), String.valueOf(step.attempts()), time(step.start()),
          step.end() == null ? "-" : duration(step.duration()));
    }
    out.append(steps.isEmpty() ? "  (no step ran)\n" : stepTable.render());

    out.append("\nEvents\n");
    Instant first = events.isEmpty() ? null : events.get(0).timestamp();
    Table eventTable = new Table("+TIME", "EVENT", "STEP", "MESSAGE");
    for (RunEvent event : events) {
      eventTable.row(String.format(java.util.Locale.ROOT, "+%.3fs",
              Duration.between(first, event.timestamp()).toNanos() / 1e9),
          event.type().name(), event.stepKey() == null ? "" : event.stepKey(), oneLine(event.message()));
    }
    out.append(events.isEmpty() ? "  (no events)\n" : eventTable.render());
    return out.toString();
  }

  private static String oneLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return message == null ? "" : newline < 0 ? message : message.substring(0, newline) + " ...";
  }

  /** A plain text table with columns padded to their widest cell. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
      this.columns = header.length;
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
    }

    String render() {
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < columns; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      StringBuilder out = new StringBuilder();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < columns; i++) {
          line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
      return out.toString();
    }
  }
}
