package io.solidstream.samples;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The click counts sample, a stream program: clicks per user per minute, in 1-minute tumbling
 * event-time windows, from the bundled {@code clicks.csv}.
 *
 * <pre>
 * CSV source (watermarks 10 s behind the newest click)
 *   -&gt; keyBy(user) -&gt; tumbling 1-minute windows -&gt; count  -&gt; collect "counts"
 *                                              \-&gt; late clicks -&gt; collect "late_clicks"
 * </pre>
 *
 * <p>Clicks up to 10 s out of order are counted in their window. A click arriving after the
 * watermark has passed the end of its window is late: it goes to the {@link #LATE} side output
 * instead of being dropped. In the bundled data these are the six clicks of {@code gus}'s offline
 * phone, which arrive about two hours late.
 */
public final class ClickCounts {

  /** The program's name (its operators are {@code click_counts/...}). */
  public static final String NAME = "click_counts";

  /** The window size. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** The side output of clicks too late for their window. */
  public static final OutputTag<Click> LATE = OutputTag.of("late-clicks", Click.class);

  /** The counts per user and minute. */
  public static final Sink.Collect<UserMinute> COUNTS = Sinks.collect("counts");

  /** The late clicks. */
  public static final Sink.Collect<Click> LATE_CLICKS = Sinks.collect("late_clicks");

  /**
   * The clicks of one user in one minute.
   *
   * @param minute the window's start, in ms since the epoch
   */
  public record UserMinute(String user, long minute, long clicks) implements Serializable {}

  private ClickCounts() {}

  /**
   * Counts {@code clicks} per user in 1-minute event-time windows (operator {@code
   * <program>/count_per_minute}); late clicks go to the side output {@link #LATE} of the returned
   * stream. The clicks need event time.
   */
  public static DataStream<UserMinute> countPerUserMinute(DataStream<Click> clicks) {
    return clicks
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(WINDOW))
        .sideOutputLateData(LATE)
        .aggregate(Aggregators.count(), (user, window, count) -> new UserMinute(user, window.start(), count))
        .name("count_per_minute");
  }

  /** The program over the clicks CSV at {@code clicksCsv}: {@link #COUNTS} and {@link #LATE_CLICKS}. */
  public static StreamProgram program(Path clicksCsv) {
    StreamBuilder b = StreamProgram.builder(NAME);
    DataStream<UserMinute> counts = countPerUserMinute(b.source(Sources.csv(clicksCsv, Click::fromCsv), Click.watermarks()));
    counts.sink(COUNTS);
    counts.sideOutput(LATE).sink(LATE_CLICKS);
    return b.build();
  }

  /** Runs the program over {@code clicksCsv} in-process. */
  public static StreamResult run(Path clicksCsv) {
    try (LocalStreamRuntime runtime = LocalStreamRuntime.create()) {
      return runtime.execute(program(clicksCsv));
    }
  }

  /** Runs the program over the bundled clicks. */
  public static StreamResult runBundled() throws IOException {
    return run(Click.bundledCsvFile());
  }

  /** A console summary: totals per user with the busiest minute, the late clicks, the operator counters. */
  public static String summary(StreamResult result) {
    if (result.status() != JobStatus.FINISHED) {
      return StreamSummary.format(result, "");
    }
    List<UserMinute> counts = result.collected(COUNTS);
    List<Click> late = result.collected(LATE_CLICKS);
    long clicks = counts.stream().mapToLong(UserMinute::clicks).sum();
    StringBuilder body = new StringBuilder();
    body.append("Clicks per user and minute (1-minute event-time windows): ").append(counts.size())
        .append(" windows, ").append(clicks).append(" clicks\n");
    Map<String, List<UserMinute>> byUser = new TreeMap<>();
    counts.forEach(c -> byUser.computeIfAbsent(c.user(), u -> new ArrayList<>()).add(c));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"USER", "MINUTES", "CLICKS", "BUSIEST MINUTE (UTC)"});
    byUser.forEach((user, minutes) -> {
      UserMinute busiest = minutes.stream()
          .max(Comparator.comparingLong(UserMinute::clicks).thenComparing(UserMinute::minute, Comparator.reverseOrder()))
          .orElseThrow();
      rows.add(new String[] {user, Integer.toString(minutes.size()),
          Long.toString(minutes.stream().mapToLong(UserMinute::clicks).sum()),
          StreamSummary.time(busiest.minute()).substring(0, 5) + " (" + busiest.clicks() + " clicks)"});
    });
    StreamSummary.table(body, rows);
    body.append("\nLate clicks (after the watermark passed their window; on the side output): ").append(late.size())
        .append('\n');
    for (Click click : late) {
      body.append("  ").append(click.user()).append("  ").append(StreamSummary.time(click.timestamp())).append("  ")
          .append(click.url()).append('\n');
    }
    return StreamSummary.format(result, body.toString());
  }
}
