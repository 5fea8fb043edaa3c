package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.WindowedStream;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tumbling event-time fast path ({@link TumblingWindowOperator}) against the general {@link
 * WindowOperator}: same outputs in the same order, same output timestamps, same late side output
 * and counters, with lateness, late data, offsets, {@code windowAll}, joins and parallelism.
 */
class TumblingWindowFastPathTest {
  private final LocalStreamRuntime fast = LocalStreamRuntime.create();
  private final LocalStreamRuntime general = new LocalStreamRuntime(OperatorRegistry.withoutFastPaths());

  /**
   * Events 10 ms apart, up to 500 ms out of order, and one in 20 up to 12 s behind (late). Sources
   * emit a watermark every 200 records, i.e. every 2 s of event time here.
   */
  static List<Event> eventsWithLateOnes(int count, int keys, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = i * 10L + random.nextInt(500);
      if (random.nextInt(20) == 0) {
        time -= random.nextInt(12_000);
      }
      events.add(Event.of("k" + random.nextInt(keys), time, random.nextInt(100)));
    }
    return events;
  }

  static WatermarkStrategy<Event> eventTime() {
    return WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(500))
        .withTimestampAssigner((e, ts) -> e.time());
  }

  /** Appends the output timestamp, so that the two paths must agree on it too. */
  static DataStream<String> withTimestamp(DataStream<String> stream) {
    return stream.process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + "@" + ctx.timestamp()));
  }

  /** A tumbling-window program over {@code events} with the window function chosen by {@code function}. */
  static StreamProgram program(List<Event> events, String function, long latenessMillis, boolean lateOutput,
      long offsetMillis) {
    StreamBuilder b = StreamProgram.builder("tumbling");
    OutputTag<Event> late = OutputTag.of("late", Event.class);
    WindowedStream<Event, String> windowed = b.source(Sources.fromList(events), eventTime())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(5)).withOffset(Duration.ofMillis(offsetMillis)));
    if (latenessMillis > 0) {
      windowed = windowed.allowedLateness(Duration.ofMillis(latenessMillis));
    }
    if (lateOutput) {
      windowed = windowed.sideOutputLateData(late);
    }
    DataStream<String> out = switch (function) {
      case "count" -> windowed.aggregate(Aggregators.count(), (key, window, n) -> key + window + "=" + n);
      case "reduce" -> windowed.reduce((x, y) -> Event.of(x.key(), Math.max(x.time(), y.time()), x.value() + y.value()),
          (String key, TimeWindow window, Event sum) -> key + window + "=" + sum.value());
      default -> windowed.process((String key, TimeWindow window, Iterable<Event> elements, Collector<String> o) -> {
        StringBuilder values = new StringBuilder();
        elements.forEach(e -> values.append(e.value()).append(','));
        o.collect(key + window + values);
      });
    };
    withTimestamp(out).sink(Sinks.collect("out"));
    out.sideOutput(late).map(Event::toString).sink(Sinks.collect("late"));
    return b.build();
  }

  private static List<String> sorted(List<Object> records) {
    return records.stream().map(String::valueOf).sorted().toList();
  }

  private static void assertSameResults(StreamResult fastResult, StreamResult generalResult, boolean ordered) {
    for (String sink : List.of("out", "late")) {
      if (ordered) {
        assertThat(fastResult.collected(sink)).containsExactlyElementsOf(generalResult.collected(sink));
      } else {
        assertThat(sorted(fastResult.collected(sink))).containsExactlyElementsOf(sorted(generalResult.collected(sink)));
      }
    }
    assertThat(fastResult.metrics()).isEqualTo(generalResult.metrics());
  }

  @ParameterizedTest(name = "{0}, lateness {1} ms, late output {2}, offset {3} ms")
  @CsvSource({
      "count, 0, false, 0", "count, 0, true, 0", "count, 3000, false, 0", "count, 3000, true, 0",
      "count, 7000, true, 4000", "count, 7000, false, 1000", "reduce, 0, true, 0", "reduce, 3000, false, 0", "process, 0, false, 0",
      "process, 3000, true, 2500"})
  void equalsTheGeneralPathInOrder(String function, long lateness, boolean lateOutput, long offset) {
    List<Event> events = eventsWithLateOnes(8000, 20, 7);
    StreamProgram program = program(events, function, lateness, lateOutput, offset);

    StreamResult expected = general.execute(program).orThrow();
    StreamResult actual = fast.execute(program).orThrow();

    assertThat(expected.collected("out")).isNotEmpty();
    assertThat(expected.metrics("tumbling/window").recordsIn()).isEqualTo(events.size());
    if (lateness > 0) {
      // some windows fired again for records within the allowed lateness
      List<Object> outputs = expected.collected("out");
      assertThat(outputs.stream().map(o -> o.toString().replaceAll("[=,].*", "")).distinct().count())
          .isLessThan(outputs.size());
    }
    if (lateOutput) {
      assertThat(expected.collected("late")).isNotEmpty();
    } else {
      assertThat(expected.metrics("tumbling/window").lateRecordsDropped()).isPositive();
    }
    assertSameResults(actual, expected, true);
  }

  @ParameterizedTest(name = "parallelism {0}, {1}")
  @CsvSource({"2, count", "2, process", "3, reduce"})
  void equalsTheGeneralPathInParallel(int parallelism, String function) {
    List<Event> events = eventsWithLateOnes(8000, 50, 11);
    StreamProgram program = program(events, function, 3000, true, 0);
    StreamOptions options = StreamOptions.defaults().withParallelism(parallelism);

    StreamResult expected = general.start(program, options).await().orThrow();
    StreamResult actual = fast.start(program, options).await().orThrow();
    StreamResult sequential = fast.execute(program).orThrow();

    assertSameResults(actual, expected, false);
    assertSameResults(actual, sequential, false);
  }

  @Test
  void aLateRecordWithinTheLatenessRefiresOnlyItsKeyAndAnEmptyWindowStartsFired() {
    List<Event> events = List.of(Event.of("a", 1000, 1), Event.of("b", 2000, 1), Event.of("a", 13_000, 1),
        Event.of("a", 3000, 1), Event.of("c", 4000, 1), Event.of("b", 5000, 1), Event.of("a", 40_000, 1),
        Event.of("a", 6000, 1));
    StreamBuilder b = StreamProgram.builder("refire");
    OutputTag<Event> late = OutputTag.of("late", Event.class);
    DataStream<String> counts = b.source(Script.of(Event.class)
                .element(events.get(0), 1000).element(events.get(1), 2000).element(events.get(2), 13_000)
                .watermark(12_000)
                .element(events.get(3), 3000).element(events.get(4), 4000).element(events.get(5), 5000)
                .element(events.get(6), 40_000)
                .watermark(20_000)
                .element(events.get(7), 6000)
                .build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .allowedLateness(Duration.ofSeconds(5))
        .sideOutputLateData(late)
        .aggregate(Aggregators.count(), (key, window, n) -> key + window + "=" + n);
    withTimestamp(counts).sink(Sinks.collect("out"));
    counts.sideOutput(late).map(Event::toString).sink(Sinks.collect("late"));
    StreamProgram program = b.build();

    StreamResult result = fast.execute(program).orThrow();

    assertThat(result.collected("out")).containsExactly(
        "a[0, 10000)=1@9999", "b[0, 10000)=1@9999",
        "a[0, 10000)=2@9999", "c[0, 10000)=1@9999", "b[0, 10000)=2@9999",
        "a[10000, 20000)=1@19999", "a[40000, 50000)=1@49999");
    assertThat(result.collected("late")).containsExactly(events.get(7).toString());
    assertSameResults(result, general.execute(program).orThrow(), true);
  }

  @Test
  void windowAllAndWindowJoinsEqualTheGeneralPath() {
    List<Event> left = eventsWithLateOnes(2000, 40, 3);
    List<Event> right = eventsWithLateOnes(2000, 40, 4);
    StreamBuilder b = StreamProgram.builder("all_and_join");
    DataStream<Event> l = b.source(Sources.fromList(left), eventTime());
    DataStream<Event> r = b.source(Sources.fromList(right), eventTime());
    withTimestamp(l.windowAll(WindowSpec.tumbling(Duration.ofSeconds(7)))
        .aggregate(Aggregators.sumLong(Event::value), (Void key, TimeWindow window, Long sum) -> window + "=" + sum))
        .sink(Sinks.collect("out"));
    withTimestamp(l.join(r).where(Event::key).equalTo(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(2)))
        .apply((x, y) -> x.key() + ":" + x.value() + "+" + y.value()))
        .sink(Sinks.collect("late"));
    StreamProgram program = b.build();

    StreamResult expected = general.execute(program).orThrow();
    StreamResult actual = fast.execute(program).orThrow();

    assertThat(expected.collected("late")).isNotEmpty();
    assertSameResults(actual, expected, true);
  }

  @Test
  void onlyTumblingEventTimeWindowsTakeTheFastPath() {
    StreamBuilder b = StreamProgram.builder("kinds");
    DataStream<Event> events = b.source(Sources.fromList(List.of(Event.of("a", 1, 1))), eventTime());
    Function<WindowSpec, Void> window = spec -> {
      events.keyBy(Event::key).window(spec).aggregate(Aggregators.count()).sink(Sinks.log("x"));
      return null;
    };
    window.apply(WindowSpec.tumbling(Duration.ofSeconds(1)));
    window.apply(WindowSpec.tumbling(Duration.ofSeconds(1)).onProcessingTime());
    window.apply(WindowSpec.sliding(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    window.apply(WindowSpec.session(Duration.ofSeconds(1)));
    StreamProgram program = b.build();

    Map<String, Class<?>> kinds = new LinkedHashMap<>();
    JobPlanner.plan(program, StreamOptions.defaults(), OperatorRegistry.defaults(), "in-process", new LinkedHashMap<>())
        .operators().forEach((name, instances) -> {
          if (name.contains("window")) {
            kinds.put(name, instances.get(0).getClass());
          }
        });
    assertThat(kinds.values()).containsExactly(TumblingWindowOperator.class, WindowOperator.class,
        WindowOperator.class, WindowOperator.class);
  }
}
