package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.IntervalJoin;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Window joins and interval joins (bounds, exclusivity, output timestamps). */
public abstract class JoinsConformance extends StreamConformance {

  static String pair(Event left, Event right) {
    return left.key() + ":" + left.value() + "-" + right.value();
  }

  @Test
  void windowJoinPairsEqualKeysInTheSameWindow() {
    List<Event> left = Event.ordered(300, 1, 100);
    List<Event> right = Event.ordered(300, 2, 100);
    StreamBuilder b = StreamProgram.builder("window_join");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> l = b.source(Sources.fromList(left), monotonous());
    DataStream<Event> r = b.source(Sources.fromList(right), monotonous());
    l.join(r).where(Event::key).equalTo(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(2)))
        .apply(JoinsConformance::pair)
        .sink(out);

    List<String> expected = new ArrayList<>();
    for (Event x : left) {
      for (Event y : right) {
        if (x.key().equals(y.key())
            && TimeWindow.startOf(x.time(), 0, 2000) == TimeWindow.startOf(y.time(), 0, 2000)) {
          expected.add(pair(x, y));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    StreamResult result = execute(b.build()).orThrow();
    assertThat(result.collected(out)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.metrics("window_join/window_join").recordsIn()).isEqualTo(left.size() + right.size());
    assertThat(result.metrics("window_join/window_join").recordsOut()).isEqualTo(expected.size());
  }

  @Test
  void windowJoinOutputCarriesTheWindowMaxTimestamp() {
    StreamBuilder b = StreamProgram.builder("join_ts");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> l = b.source(Sources.of(Event.of("a", 100, 1)), monotonous());
    DataStream<Event> r = b.source(Sources.of(Event.of("a", 900, 2)), monotonous());
    l.join(r).where(Event::key).equalTo(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .apply(JoinsConformance::pair)
        .process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + "@" + ctx.timestamp()))
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly("a:1-2@999");
  }

  private List<String> intervalJoin(List<Event> left, List<Event> right, long lower, long upper,
      UnaryOperator<IntervalJoin<Event, Event, String>> bounds) {
    StreamBuilder b = StreamProgram.builder("interval");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> l = b.source(Sources.fromList(left), monotonous());
    DataStream<Event> r = b.source(Sources.fromList(right), monotonous());
    bounds.apply(l.keyBy(Event::key).intervalJoin(r.keyBy(Event::key))
            .between(Duration.ofMillis(lower), Duration.ofMillis(upper)))
        .join(JoinsConformance::pair)
        .sink(out);
    StreamResult result = execute(b.build()).orThrow();
    assertThat(result.metrics("interval/interval_join").lateRecordsDropped()).isZero();
    lastIntervalJoinIn = result.metrics("interval/interval_join").recordsIn();
    return result.collected(out);
  }

  private long lastIntervalJoinIn;

  private static List<String> expectedInterval(List<Event> left, List<Event> right, long lower, long upper,
      boolean lowerInclusive, boolean upperInclusive) {
    List<String> expected = new ArrayList<>();
    for (Event x : left) {
      for (Event y : right) {
        long lo = x.time() + lower;
        long hi = x.time() + upper;
        boolean aboveLower = lowerInclusive ? y.time() >= lo : y.time() > lo;
        boolean belowUpper = upperInclusive ? y.time() <= hi : y.time() < hi;
        if (x.key().equals(y.key()) && aboveLower && belowUpper) {
          expected.add(pair(x, y));
        }
      }
    }
    return expected;
  }

  @Test
  void intervalJoinHonoursInclusiveBounds() {
    List<Event> left = Event.ordered(300, 3, 50);
    List<Event> right = Event.ordered(300, 4, 50);

    List<String> expected = expectedInterval(left, right, 0, 200, true, true);

    assertThat(expected).isNotEmpty();
    assertThat(intervalJoin(left, right, 0, 200, j -> j)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lastIntervalJoinIn).isEqualTo(left.size() + right.size());
  }

  @Test
  void intervalJoinHonoursExclusiveBoundsAndNegativeLowerBounds() {
    List<Event> left = Event.ordered(300, 5, 50);
    List<Event> right = Event.ordered(300, 6, 50);

    List<String> expected = expectedInterval(left, right, -300, 100, false, false);

    assertThat(expected).isNotEmpty();
    assertThat(intervalJoin(left, right, -300, 100, j -> j.lowerBoundExclusive().upperBoundExclusive()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void intervalJoinBoundsAreExactAtTheEdges() {
    List<Event> left = List.of(Event.of("a", 1000, 1));
    List<Event> right = List.of(Event.of("a", 900, 10), Event.of("a", 1000, 11), Event.of("a", 1100, 12),
        Event.of("a", 1101, 13));

    assertThat(intervalJoin(left, right, -100, 100, j -> j)).containsExactlyInAnyOrder("a:1-10", "a:1-11", "a:1-12");
    assertThat(intervalJoin(left, right, -100, 100, IntervalJoin::lowerBoundExclusive))
        .containsExactlyInAnyOrder("a:1-11", "a:1-12");
    assertThat(intervalJoin(left, right, -100, 100, IntervalJoin::upperBoundExclusive))
        .containsExactlyInAnyOrder("a:1-10", "a:1-11");
  }

  @Test
  void intervalJoinOutputTimestampIsTheLaterOfThePair() {
    StreamBuilder b = StreamProgram.builder("interval_ts");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> l = b.source(Sources.of(Event.of("a", 1000, 1)), monotonous());
    DataStream<Event> r = b.source(Sources.of(Event.of("a", 800, 2), Event.of("a", 1300, 3)), monotonous());
    l.keyBy(Event::key).intervalJoin(r.keyBy(Event::key))
        .between(Duration.ofMillis(-500), Duration.ofMillis(500))
        .join(JoinsConformance::pair)
        .process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + "@" + ctx.timestamp()))
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactlyInAnyOrder("a:1-2@1000", "a:1-3@1300");
  }
}
