package io.solidstream.testkit;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WindowSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The event-time and processing-time semantics of the stream DSL, written with the test kit: late
 * data, allowed lateness, session merging, timers, processing-time windows. Each test reads as the
 * rule it checks.
 */
class StreamSemanticsTest {
  record Click(String user, String page) implements Serializable {}

  record Count(String user, long windowStart, long clicks) implements Serializable {}

  record Session(String user, long start, long end, int clicks, int pages) implements Serializable {}

  static final OutputTag<Click> LATE = OutputTag.of("late", Click.class);

  static final Click ANN_HOME = new Click("ann", "/home");
  static final Click ANN_CART = new Click("ann", "/cart");
  static final Click ANN_HELP = new Click("ann", "/help");
  static final Click BOB_HOME = new Click("bob", "/home");

  /** Per user, clicks per 10-second event-time window, with the given allowed lateness and late side output. */
  static DataStream<Count> countsPer10Seconds(DataStream<Click> clicks, Duration allowedLateness) {
    return clicks.keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .allowedLateness(allowedLateness)
        .sideOutputLateData(LATE)
        .aggregate(Aggregators.count(), (user, window, n) -> new Count(user, window.start(), n));
  }

  /** One summary per session: first and last click, clicks, distinct pages. */
  static final class SummarizeSession implements ProcessWindowFunction<Click, Session, String> {
    @Override
    public void process(String user, TimeWindow window, Iterable<Click> clicks, Collector<Session> out) {
      int count = 0;
      Set<String> pages = new HashSet<>();
      for (Click click : clicks) {
        count++;
        pages.add(click.page());
      }
      // a session window ends one gap after its last click
      out.collect(new Session(user, window.start(), window.end() - 5_000, count, pages.size()));
    }
  }

  // ------------------------------------------------------------------ late data and allowed lateness

  @Test
  void lateClickAfterAllowedLatenessGoesToTheLateSideOutput() {
    // Given a window [0, 10 s) with 2 s allowed lateness, and a watermark at 12 s (past 9 999 + 2 000)
    StreamTester tester = StreamTester.create("late");
    DataStream<Count> counts = countsPer10Seconds(tester.source(TestSource.<Click>create()
        .add(ANN_HOME, 1_000)
        .watermark(12_000)
        .add(ANN_CART, 1_500)), Duration.ofSeconds(2));
    TestOutput<Count> onTime = tester.capture(counts);
    TestOutput<Click> late = tester.capture(counts.sideOutput(LATE));

    // When a click for that window arrives after the watermark
    StreamTestResult result = tester.run();

    // Then the window counted only the on-time click, and the late click is on the side output, not dropped
    assertThat(result.records(onTime)).containsExactly(new Count("ann", 0, 1));
    assertThat(result.records(late)).containsExactly(ANN_CART);
    assertThat(result).operator("window").receivedRecords(2).droppedLateRecords(0);
  }

  @Test
  void lateClickWithinAllowedLatenessFiresTheWindowAgainWithAllItsClicks() {
    // Given a window [0, 10 s) that fired at watermark 10 s, with 5 s allowed lateness
    StreamTester tester = StreamTester.create("lateness");
    DataStream<Count> counts = countsPer10Seconds(tester.source(TestSource.<Click>create()
        .add(ANN_HOME, 1_000)
        .watermark(10_000)
        .add(ANN_CART, 2_000)      // late, but 9 999 + 5 000 > 10 000: still allowed
        .watermark(14_998)
        .add(ANN_HELP, 3_000)      // still allowed: 14 998 < 14 999
        .watermark(15_000)
        .add(BOB_HOME, 4_000)), Duration.ofSeconds(5)); // too late: the window is gone
    TestOutput<Count> out = tester.capture(counts);
    TestOutput<Click> late = tester.capture(counts.sideOutput(LATE));

    // When the job runs
    StreamTestResult result = tester.run();

    // Then each allowed late click fires ann's window again with its full contents
    assertThat(result.records(out)).containsExactly(
        new Count("ann", 0, 1), new Count("ann", 0, 2), new Count("ann", 0, 3));
    // and bob's click, after window end + lateness, goes to the side output
    assertThat(result.records(late)).containsExactly(BOB_HOME);
  }

  @Test
  void lateClickWithoutALateSideOutputIsDroppedAndCounted() {
    // Given a window without allowed lateness or late side output, and a watermark past its end
    StreamTester tester = StreamTester.create("dropped");
    TestOutput<Long> out = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .watermark(9_999)
            .add(ANN_CART, 2_000)
            .add(ANN_HELP, 10_000))
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .aggregate(Aggregators.count()));

    // When the job runs
    StreamTestResult result = tester.run();

    // Then the late click is not in any window, and the window operator counts it as dropped
    assertThat(result.records(out)).containsExactly(1L, 1L);
    assertThat(result).operator("dropped/window").receivedRecords(3).droppedLateRecords(1);
  }

  @Test
  void clickOutOfOrderButBeforeTheWatermarkIsNotLate() {
    // Given clicks out of order, with the watermark still before the earlier click's window end
    StreamTester tester = StreamTester.create("out_of_order");
    DataStream<Count> counts = countsPer10Seconds(tester.source(TestSource.<Click>create()
        .add(ANN_HOME, 8_000)
        .watermark(5_000)
        .add(ANN_CART, 6_000)
        .add(ANN_HELP, 11_000)), Duration.ZERO);
    TestOutput<Count> out = tester.capture(counts);
    TestOutput<Click> late = tester.capture(counts.sideOutput(LATE));

    // When the job runs
    StreamTestResult result = tester.run();

    // Then order within the watermark does not matter
    assertThat(result.records(out)).containsExactly(new Count("ann", 0, 2), new Count("ann", 10_000, 1));
    assertThat(result.records(late)).isEmpty();
  }

  // ------------------------------------------------------------------ sessions

  @Test
  void sessionsMergeWhenAClickBridgesTheGap() {
    // Given ann's clicks at 1 s and 9 s: two sessions with a 5 s gap, [1 s, 6 s) and [9 s, 14 s)
    StreamTester tester = StreamTester.create("sessions");
    TestOutput<Session> sessions = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .add(ANN_HELP, 9_000)
            // When a click at 5 s arrives out of order, touching both
            .add(ANN_CART, 5_000)
            .add(BOB_HOME, 2_000))
        .keyBy(Click::user)
        .window(WindowSpec.session(Duration.ofSeconds(5)))
        .process(new SummarizeSession()));

    StreamTestResult result = tester.run();

    // Then they merge into one session of three clicks on three pages
    assertThat(result.records(sessions)).containsExactlyInAnyOrder(
        new Session("ann", 1_000, 9_000, 3, 3),
        new Session("bob", 2_000, 2_000, 1, 1));
  }

  @Test
  void sessionsStaySeparateWhenNoClickBridgesTheGap() {
    // Given ann's clicks 6 s apart with a 5 s gap
    StreamTester tester = StreamTester.create("separate");
    TestOutput<Session> sessions = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .add(ANN_CART, 3_000)
            .add(ANN_HELP, 9_000))
        .keyBy(Click::user)
        .window(WindowSpec.session(Duration.ofSeconds(5)))
        .process(new SummarizeSession()));

    // When the job runs
    StreamTestResult result = tester.run();

    // Then there are two sessions, in the order the watermark closes them
    assertThat(result.records(sessions)).containsExactly(
        new Session("ann", 1_000, 3_000, 2, 2),
        new Session("ann", 9_000, 9_000, 1, 1));
  }

  @Test
  void sessionFiresOnlyWhenTheWatermarkPassesItsEnd() {
    // Given a session [1 s, 6 s) (last click at 1 s, gap 5 s)
    StreamTester tester = StreamTester.create("session_end");
    TestOutput<Session> sessions = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .watermark(5_998)
            .add(ANN_CART, 5_999))   // When a click arrives while the watermark is before 5 999
        .keyBy(Click::user)
        .window(WindowSpec.session(Duration.ofSeconds(5)))
        .process(new SummarizeSession()));

    StreamTestResult result = tester.run();

    // Then the session was still open and the click extends it
    assertThat(result.records(sessions)).containsExactly(new Session("ann", 1_000, 5_999, 2, 2));
  }

  // ------------------------------------------------------------------ timers

  /** Emits "idle <user> @ t" when a user has not clicked for 10 s of event time (one timer per user). */
  static final class IdleAlert implements KeyedProcessFunction<String, Click, String> {
    static final StateDescriptor.Value<Long> DEADLINE = StateDescriptor.value("deadline", Long.class);

    @Override
    public void processElement(Click click, Context<String> ctx, Collector<String> out) {
      ValueState<Long> deadline = ctx.state(DEADLINE);
      if (deadline.value() != null) {
        ctx.timers().deleteEventTimeTimer(deadline.value());
      }
      long next = ctx.timestamp() + 10_000;
      ctx.timers().registerEventTimeTimer(next);
      deadline.update(next);
    }

    @Override
    public void onTimer(long timestamp, TimerContext<String> ctx, Collector<String> out) {
      out.collect("idle " + ctx.currentKey() + " @ " + timestamp + " (watermark " + ctx.timers().currentWatermark() + ")");
      ctx.state(DEADLINE).clear();
    }
  }

  @Test
  void timerFiresWhenTheWatermarkPassesIt() {
    // Given a timer at 11 s for ann (click at 1 s) and at 12 s for bob (click at 2 s)
    StreamTester tester = StreamTester.create("timers");
    TestOutput<String> alerts = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .add(BOB_HOME, 2_000)
            .watermark(10_999)       // not yet
            .watermark(11_500))      // When the watermark passes 11 s
        .keyBy(Click::user)
        .process(new IdleAlert()));

    StreamTestResult result = tester.run();

    // Then ann's timer fired at 11 s; bob's fires with the final watermark at the end of the bounded input
    assertThat(result.records(alerts)).containsExactly(
        "idle ann @ 11000 (watermark 11500)",
        "idle bob @ 12000 (watermark " + Long.MAX_VALUE + ")");
  }

  @Test
  void aNewClickMovesTheTimerAndTheOldOneDoesNotFire() {
    // Given ann's timer at 11 s
    StreamTester tester = StreamTester.create("moved");
    TestOutput<String> alerts = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 1_000)
            .watermark(10_000)
            .add(ANN_CART, 10_500)   // When ann clicks again before it fires: the timer moves to 20.5 s
            .watermark(15_000))
        .keyBy(Click::user)
        .process(new IdleAlert()));

    StreamTestResult result = tester.run();

    // Then only the moved timer fires
    assertThat(result.records(alerts)).containsExactly("idle ann @ 20500 (watermark " + Long.MAX_VALUE + ")");
  }

  /** Emits "<page> at t" for each click and "timeout <user> at t" 1 s of processing time later. */
  static final class ProcessingTimeout implements KeyedProcessFunction<String, Click, String> {
    @Override
    public void processElement(Click click, Context<String> ctx, Collector<String> out) {
      long now = ctx.timers().currentProcessingTime();
      out.collect(click.page() + " at " + now);
      ctx.timers().registerProcessingTimeTimer(now + 1_000);
    }

    @Override
    public void onTimer(long timestamp, TimerContext<String> ctx, Collector<String> out) {
      out.collect("timeout " + ctx.currentKey() + " at " + timestamp + " " + ctx.timeDomain());
    }
  }

  @Test
  void processingTimeTimerFiresWhenTheClockAdvances() {
    // Given a processing-time timer 1 s after ann's click at clock 0
    StreamTester tester = StreamTester.create("proc_timer");
    TestOutput<String> out = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 0)
            .advanceProcessingTime(Duration.ofMillis(999))   // not yet
            .add(ANN_CART, 0)                                 // another timer, at 1 999
            .advanceProcessingTime(Duration.ofMillis(1)))     // When the clock reaches 1 000
        .keyBy(Click::user)
        .process(new ProcessingTimeout()));

    StreamTestResult result = tester.run();

    // Then the first timer fires; the second is still pending when the bounded job ends, so it never fires
    assertThat(result.records(out)).containsExactly(
        "/home at 0", "/cart at 999", "timeout ann at 1000 PROCESSING_TIME");
  }

  @Test
  void processingTimeStartsWhereTheTesterSaysAndOnlyMovesWithTheScript() {
    // Given a clock starting at 1 000 000
    StreamTester tester = StreamTester.create("clock").processingTimeStart(1_000_000);
    TestOutput<String> out = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 0)
            .add(ANN_CART, 0)
            .advanceProcessingTime(Duration.ofSeconds(5))
            .add(ANN_HELP, 0))
        .keyBy(Click::user)
        .process(new ProcessingTimeout()));

    // When the job runs (however long it really takes)
    StreamTestResult result = tester.run();

    // Then the clock read only the scripted values
    assertThat(result.records(out)).containsExactly(
        "/home at 1000000", "/cart at 1000000", "timeout ann at 1001000 PROCESSING_TIME", "/help at 1005000");
  }

  @Test
  void processingTimeWindowFiresWhenTheClockAdvances() {
    // Given 1-second processing-time windows and clicks at clock 0, 1 000 and 1 500
    StreamTester tester = StreamTester.create("proc_window");
    TestOutput<String> out = tester.capture(tester.source(TestSource.<Click>create()
            .add(ANN_HOME, 0)
            .add(BOB_HOME, 0)
            .advanceProcessingTime(Duration.ofSeconds(1))       // When the clock passes 999: [0, 1000) fires
            .add(ANN_CART, 0)
            .advanceProcessingTime(Duration.ofMillis(500))
            .add(ANN_HELP, 0)
            .advanceProcessingTime(Duration.ofMillis(500))      // [1000, 2000) fires
            .add(ANN_HOME, 0))                                  // [2000, 3000) is open when the job ends
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)).onProcessingTime())
        .aggregate(Aggregators.count(), (user, window, n) -> user + " " + window + " " + n));

    StreamTestResult result = tester.run();

    // Then each window fired when the clock passed its end; the last one never fires (Flink: no
    // processing-time firing at the end of a bounded job)
    assertThat(result.records(out)).containsExactly(
        "ann [0, 1000) 1", "bob [0, 1000) 1", "ann [1000, 2000) 2");
  }

  @Test
  void theEndOfABoundedInputFiresEveryEventTimeWindow() {
    // Given clicks in two 10-second windows and no watermark in the script
    StreamTester tester = StreamTester.create("end");
    TestOutput<Count> out = tester.capture(countsPer10Seconds(tester.source(TestSource.<Click>create()
        .add(ANN_HOME, 1_000)
        .add(ANN_CART, 25_000)), Duration.ZERO));

    // When the input ends
    StreamTestResult result = tester.run();

    // Then the final watermark fires both windows
    assertThat(result.records(out)).containsExactly(new Count("ann", 0, 1), new Count("ann", 20_000, 1));
  }

  // ------------------------------------------------------------------ parallelism

  @Test
  void parallelismFourGivesTheSameSessionsPerUser() {
    TestSource<Click> clicks = TestSource.create();
    String[] users = {"ann", "bob", "cid", "dee", "eve", "fay"};
    for (int i = 0; i < 600; i++) {
      clicks.add(new Click(users[i % users.length], "/p" + (i % 7)), i * 700L + (i % 3) * 4_000L);
      if (i % 50 == 49) {
        clicks.watermark(i * 700L - 10_000);
      }
    }
    StreamTester one = StreamTester.create("p1");
    TestOutput<Session> outOne = one.capture(one.source(clicks).keyBy(Click::user)
        .window(WindowSpec.session(Duration.ofSeconds(5))).process(new SummarizeSession()));
    StreamTester four = StreamTester.create("p4").parallelism(4);
    TestOutput<Session> outFour = four.capture(four.source(clicks).keyBy(Click::user)
        .window(WindowSpec.session(Duration.ofSeconds(5))).process(new SummarizeSession()));

    assertThat(four.run().records(outFour)).containsExactlyInAnyOrderElementsOf(one.run().records(outOne))
        .isNotEmpty();
  }
}
