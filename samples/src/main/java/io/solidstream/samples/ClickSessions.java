package io.solidstream.samples;

import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The click sessions sample, a stream program: sessionizes the bundled {@code clicks.csv} per user
 * with event-time session windows (a session ends after 30 minutes without a click) and emits one
 * {@link Session} summary per session.
 *
 * <pre>
 * CSV source (watermarks 10 s behind the newest click)
 *   -&gt; keyBy(user) -&gt; session windows, gap 30 min -&gt; SummarizeSession -&gt; collect "sessions"
 *                                                 \-&gt; late clicks -&gt; collect "late_clicks"
 * </pre>
 *
 * <p>Session windows merge: a click less than a gap after a session's last click (or before its
 * first) extends it, and a click that bridges two sessions joins them. A click arriving after the
 * watermark has passed the end of its session (last click + gap) is late and goes to the {@link
 * #LATE} side output; in the bundled data these are the clicks of {@code gus}'s offline phone.
 */
public final class ClickSessions {

  /** The program's name (its operators are {@code click_sessions/...}). */
  public static final String NAME = "click_sessions";

  /** The inactivity gap that ends a session. */
  public static final Duration GAP = Duration.ofMinutes(30);

  /** The side output of clicks too late for their session. */
  public static final OutputTag<Click> LATE = OutputTag.of("late-clicks", Click.class);

  /** The sessions. */
  public static final Sink.Collect<Session> SESSIONS = Sinks.collect("sessions");

  /** The late clicks. */
  public static final Sink.Collect<Click> LATE_CLICKS = Sinks.collect("late_clicks");

  /**
   * One session of one user.
   *
   * @param start the time of the first click, ms since the epoch
   * @param end the time of the last click
   * @param clicks the number of clicks
   * @param distinctPages the number of different pages clicked
   */
  public record Session(String user, long start, long end, int clicks, int distinctPages) implements Serializable {
    /** The time from the first to the last click. */
    public Duration duration() {
      return Duration.ofMillis(end - start);
    }
  }

  /** Summarizes the clicks of one session window. */
  public static final class SummarizeSession implements ProcessWindowFunction<Click, Session, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String user, TimeWindow window, Iterable<Click> clicks, Collector<Session> out) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      int count = 0;
      Set<String> pages = new HashSet<>();
      for (Click click : clicks) {
        first = Math.min(first, click.timestamp());
        last = Math.max(last, click.timestamp());
        count++;
        pages.add(click.url());
      }
      out.collect(new Session(user, first, last, count, pages.size()));
    }
  }

  private ClickSessions() {}

  /**
   * Sessionizes {@code clicks} per user (operator {@code <program>/sessionize}); late clicks go to
   * the side output {@link #LATE} of the returned stream. The clicks need event time.
   */
  public static DataStream<Session> sessionize(DataStream<Click> clicks) {
    return clicks
        .keyBy(Click::user)
        .window(WindowSpec.session(GAP))
        .sideOutputLateData(LATE)
        .process(new SummarizeSession())
        .name("sessionize");
  }

  /** The program over the clicks CSV at {@code clicksCsv}: {@link #SESSIONS} and {@link #LATE_CLICKS}. */
  public static StreamProgram program(Path clicksCsv) {
    StreamBuilder b = StreamProgram.builder(NAME);
    DataStream<Session> sessions = sessionize(b.source(Sources.csv(clicksCsv, Click::fromCsv), Click.watermarks()));
    sessions.sink(SESSIONS);
    sessions.sideOutput(LATE).sink(LATE_CLICKS);
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

  /** A console summary: every session by user and start, the late clicks, the operator counters. */
  public static String summary(StreamResult result) {
    if (result.status() != JobStatus.FINISHED) {
      return StreamSummary.format(result, "");
    }
    List<Session> sessions = new ArrayList<>(result.collected(SESSIONS));
    sessions.sort(Comparator.comparing(Session::user).thenComparingLong(Session::start));
    List<Click> late = result.collected(LATE_CLICKS);
    StringBuilder body = new StringBuilder();
    int clicks = sessions.stream().mapToInt(Session::clicks).sum();
    body.append("Sessions (gap ").append(GAP.toMinutes()).append(" min): ").append(sessions.size())
        .append(" sessions of ").append(sessions.stream().map(Session::user).distinct().count()).append(" users, ")
        .append(clicks).append(" clicks\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"USER", "START (UTC)", "END (UTC)", "MINUTES", "CLICKS", "PAGES"});
    for (Session s : sessions) {
      rows.add(new String[] {s.user(), StreamSummary.time(s.start()), StreamSummary.time(s.end()),
          Long.toString(s.duration().toMinutes()), Integer.toString(s.clicks()), Integer.toString(s.distinctPages())});
    }
    StreamSummary.table(body, rows);
    body.append("\nLate clicks (after the watermark passed their session's end; on the side output): ")
        .append(late.size()).append('\n');
    for (Click click : late) {
      body.append("  ").append(click.user()).append("  ").append(StreamSummary.time(click.timestamp())).append("  ")
          .append(click.url()).append('\n');
    }
    return StreamSummary.format(result, body.toString());
  }
}
