package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.io.Timestamped;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowsTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  /** Random events, at most 2 s out of order, over 10 keys and 10 minutes. */
  static List<Event> randomEvents(int count, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = i * 100L + random.nextInt(2000);
      events.add(Event.of("k" + random.nextInt(10), time, random.nextInt(100)));
    }
    return events;
  }

  static WatermarkStrategy<Event> eventTime() {
    return WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(2))
        .withTimestampAssigner((e, ts) -> e.time());
  }

  @Test
  void windowsFireInOrderOfTheirEndWithOutputTimestampMaxTimestamp() {
    StreamBuilder b = StreamProgram.builder("order");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.timestamped(List.of(Timestamped.of("a", 500L), Timestamped.of("b", 1500L),
            Timestamped.of("a", 2500L), Timestamped.of("b", 700L))),
            WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(5)))
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count(), (key, window, n) -> key + window + n)
        .process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + "@" + ctx.timestamp()))
        .sink(out);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactly(
        "a[0, 1000)1@999", "b[0, 1000)1@999", "b[1000, 2000)1@1999", "a[2000, 3000)1@2999");
  }

  @Test
  void lateEventAfterAllowedLatenessGoesToSideOutput() {
    OutputTag<Event> late = OutputTag.of("late-events", Event.class);
    StreamBuilder b = StreamProgram.builder("side");
    Sink.Collect<Long> out = Sinks.collect("out");
    Sink.Collect<Event> lateOut = Sinks.collect("late");
    DataStream<Long> sums = b.source(Script.of(Event.class)
                .element(Event.of("a", 1000, 1), 1000)
                .watermark(12_000)
                .element(Event.of("a", 1500, 2), 1500)
                .build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .allowedLateness(Duration.ofSeconds(2))
        .sideOutputLateData(late)
        .aggregate(Aggregators.sumLong(Event::value));
    sums.sink(out);
    sums.sideOutput(late).sink(lateOut);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactly(1L);
    assertThat(result.collected(lateOut)).containsExactly(Event.of("a", 1500, 2));
  }

  @Test
  void lateEventWithoutSideOutputIsDroppedAndCounted() {
    StreamBuilder b = StreamProgram.builder("dropped");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Script.of(String.class).element("a", 1000).watermark(9_999).element("a", 2000).element("a", 10_000)
                .build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .aggregate(Aggregators.count())
        .sink(out);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactly(1L, 1L);
    assertThat(result.metrics("dropped/window").lateRecordsDropped()).isEqualTo(1);
    assertThat(result.metrics("dropped/window").recordsIn()).isEqualTo(3);
  }

  @Test
  void aSlidingWindowRecordIsLateOnlyForWindowsAlreadyPast() {
    StreamBuilder b = StreamProgram.builder("sliding_late");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(String.class).element("a", 1000).watermark(10_000).element("a", 7000).build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(s -> s)
        .window(WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .aggregate(Aggregators.count(), (key, window, n) -> window + "=" + n)
        .sink(out);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactly("[-5000, 5000)=1", "[0, 10000)=1", "[5000, 15000)=1");
    assertThat(result.metrics("sliding_late/window").lateRecordsDropped()).isZero();
  }

  @Test
  void boundedEndFiresRemainingWindows() {
    StreamBuilder b = StreamProgram.builder("end");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Script.of(String.class).element("a", 1000).element("a", 50_000).build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .windowAll(WindowSpec.tumbling(Duration.ofHours(1)))
        .aggregate(Aggregators.count())
        .sink(out);

    assertThat(runtime.execute(b.build()).orThrow().collected(out)).containsExactly(2L);
  }

  @Test
  void windowAllReducesTheWholeStream() {
    List<Event> events = randomEvents(1000, 3);
    StreamBuilder b = StreamProgram.builder("all");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.fromList(events), eventTime())
        .windowAll(WindowSpec.tumbling(Duration.ofSeconds(20)))
        .reduce((x, y) -> Event.of("all", Math.max(x.time(), y.time()), x.value() + y.value()),
            (Void key, TimeWindow window, Event sum) -> window.start() + "=" + sum.value())
        .sink(out);

    List<String> expected = events.stream()
        .collect(Collectors.groupingBy(e -> TimeWindow.startOf(e.time(), 0, 20_000), TreeMap::new,
            Collectors.summingLong(Event::value)))
        .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
    assertThat(runtime.execute(b.build()).orThrow().collected(out)).containsExactlyElementsOf(expected);
  }

  @Test
  void processingTimeTumblingWindowsFireWhenTheManualClockPassesTheirEnd() {
    StreamBuilder b = StreamProgram.builder("proc");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(String.class)
            .element("a", 0).element("a", 0).element("b", 0)
            .advanceProcessingTime(1000)
            .element("a", 0)
            .advanceProcessingTime(500)
            .element("a", 0)
            .advanceProcessingTime(500)
            .element("a", 0)
            .build())
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)).onProcessingTime())
        .aggregate(Aggregators.count(), (key, window, n) -> key + window + "=" + n)
        .sink(out);

    StreamResult result = runtime.start(b.build(), StreamOptions.defaults().withManualProcessingTime(0)).await()
        .orThrow();

    // the window [2000, 3000) is still open when the bounded job ends: it does not fire (Flink)
    assertThat(result.collected(out)).containsExactly("a[0, 1000)=2", "b[0, 1000)=1", "a[1000, 2000)=2");
  }

  @Test
  void windowOffsetsShiftTheAlignment() {
    StreamBuilder b = StreamProgram.builder("offset");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Script.of(String.class).element("a", 100).element("a", 600).build(),
            WatermarkStrategy.forMonotonousTimestamps())
        .windowAll(WindowSpec.tumbling(Duration.ofSeconds(1)).withOffset(Duration.ofMillis(500)))
        .aggregate(Aggregators.count(), (key, window, n) -> window + "=" + n)
        .sink(out);

    assertThat(runtime.execute(b.build()).orThrow().collected(out)).containsExactly("[-500, 500)=1", "[500, 1500)=1");
  }
}
