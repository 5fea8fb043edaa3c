package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParallelismTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  private StreamResult run(StreamProgram program, int parallelism) {
    return runtime.start(program, StreamOptions.defaults().withParallelism(parallelism)).await().orThrow();
  }

  @Test
  void parallelismFourGivesTheSamePerKeyWindowResultsAsParallelismOne() {
    List<Event> events = WindowsTest.randomEvents(20_000, 11);
    StreamBuilder b = StreamProgram.builder("parallel");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.fromList(events), WindowsTest.eventTime())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(30)))
        .aggregate(Aggregators.sumLong(Event::value), (key, window, sum) -> key + "@" + window.start() + "=" + sum)
        .sink(out);
    StreamProgram program = b.build();

    List<String> expected = events.stream()
        .collect(Collectors.groupingBy(e -> e.key() + "@" + TimeWindow.startOf(e.time(), 0, 30_000),
            Collectors.summingLong(Event::value)))
        .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());

    assertThat(run(program, 1).collected(out)).containsExactlyInAnyOrderElementsOf(expected);
    StreamResult parallel = run(program, 4);
    assertThat(parallel.collected(out)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(parallel.metrics("parallel/window").recordsIn()).isEqualTo(events.size());
  }

  @Test
  void perKeyOrderIsKeptAcrossPartitions() {
    List<Event> events = WindowsTest.randomEvents(10_000, 12);
    StreamBuilder b = StreamProgram.builder("order");
    Sink.Collect<Event> out = Sinks.collect("out");
    b.source(Sources.fromList(events))
        .keyBy(Event::key)
        .reduce((x, y) -> Event.of(x.key(), y.time(), x.value() + y.value()))
        .sink(out);

    List<Event> parallel = run(b.build(), 4).collected(out);

    Map<String, List<Long>> expected = new TreeMap<>();
    Map<String, Long> sums = new TreeMap<>();
    for (Event e : events) {
      long sum = sums.merge(e.key(), e.value(), Long::sum);
      expected.computeIfAbsent(e.key(), k -> new java.util.ArrayList<>()).add(sum);
    }
    Map<String, List<Long>> actual = parallel.stream().collect(Collectors.groupingBy(Event::key, TreeMap::new,
        Collectors.mapping(Event::value, Collectors.toList())));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void chainedKeyedStagesAndAGatheringWindowAllWorkInParallel() {
    List<Event> events = WindowsTest.randomEvents(8_000, 13);
    StreamBuilder b = StreamProgram.builder("stages");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> perKey = b.source(Sources.fromList(events), WindowsTest.eventTime())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(60)))
        .reduce((x, y) -> Event.of(x.key(), Math.max(x.time(), y.time()), x.value() + y.value()));
    DataStream<String> keyed = perKey.keyBy(e -> e.key().substring(0, 1))
        .window(WindowSpec.tumbling(Duration.ofSeconds(60)))
        .aggregate(Aggregators.sumLong(Event::value), (key, window, sum) -> "keyed " + window.start() + "=" + sum);
    DataStream<String> all = perKey.windowAll(WindowSpec.tumbling(Duration.ofSeconds(60)))
        .aggregate(Aggregators.sumLong(Event::value), (key, window, sum) -> "all " + window.start() + "=" + sum);
    keyed.union(all).sink(out);

    Map<Long, Long> sums = events.stream().collect(Collectors.groupingBy(
        e -> TimeWindow.startOf(e.time(), 0, 60_000), TreeMap::new, Collectors.summingLong(Event::value)));
    List<String> expected = new java.util.ArrayList<>();
    sums.forEach((start, sum) -> {
      expected.add("keyed " + start + "=" + sum);
      expected.add("all " + start + "=" + sum);
    });

    assertThat(run(b.build(), 4).collected(out)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(run(b.build(), 1).collected(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aPartitionThatReceivesNoRecordsStillSeesWatermarks() {
    StreamBuilder b = StreamProgram.builder("sparse");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Script.of(String.class).element("only", 1000).watermark(5000).element("only", 6000).build(),
            io.solidstream.api.stream.time.WatermarkStrategy.forMonotonousTimestamps())
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count())
        .sink(out);

    StreamResult result = run(b.build(), 4);

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.collected(out)).containsExactly(1L, 1L);
  }

  @Test
  void userFailuresInAPartitionFailTheJob() {
    StreamBuilder b = StreamProgram.builder("fail");
    b.source(Sources.sequence(1, 1000))
        .keyBy(n -> n % 7)
        .reduce((x, y) -> {
          if (y == 500) {
            throw new IllegalStateException("bad " + y);
          }
          return x + y;
        })
        .sink(Sinks.collect("out"));

    StreamResult result = runtime.start(b.build(), StreamOptions.defaults().withParallelism(4)).await();

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).hasMessage("Error in operator 'fail/reduce': java.lang.IllegalStateException: bad 500");
  }

  /** In-order events over 5 keys, {@code step} ms apart on average. */
  private static List<Event> orderedEvents(int count, long seed, int step) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    long time = 0;
    for (int i = 0; i < count; i++) {
      time += random.nextInt(2 * step);
      events.add(Event.of("k" + random.nextInt(5), time, i));
    }
    return events;
  }

  private static WatermarkStrategy<Event> monotonous() {
    return WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.time());
  }

  private static String pair(Event left, Event right) {
    return left.key() + ":" + left.value() + "-" + right.value();
  }

  @Test
  void intervalJoinGivesTheSameResultInParallel() {
    List<Event> left = orderedEvents(500, 21, 40);
    List<Event> right = orderedEvents(500, 22, 40);
    StreamBuilder b = StreamProgram.builder("pjoin");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<Event> l = b.source(Sources.fromList(left), monotonous());
    DataStream<Event> r = b.source(Sources.fromList(right), monotonous());
    l.keyBy(Event::key).intervalJoin(r.keyBy(Event::key))
        .between(Duration.ofMillis(-100), Duration.ofMillis(100))
        .join(ParallelismTest::pair)
        .sink(out);
    StreamProgram program = b.build();

    assertThat(run(program, 4).collected(out)).containsExactlyInAnyOrderElementsOf(run(program, 1).collected(out));
  }

  @Test
  void parallelCollectSinksHandOverEveryRecordEvenWhenTheJobIsCancelled() throws InterruptedException {
    StreamBuilder b = StreamProgram.builder("handover");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.unboundedGenerator(i -> i, 0))
        .keyBy(n -> n % 5)
        .reduce(Long::sum)
        .sink(out);
    Sink.Collect<Long> all = Sinks.collect("all");
    b.source(Sources.sequence(1, 10_000)).keyBy(n -> n % 3).reduce((x, y) -> y).sink(all);

    StreamJob job = runtime.start(b.build(), StreamOptions.defaults().withParallelism(3));
    while (job.metrics().get("handover/sink").recordsIn() < 5_000) {
      Thread.sleep(5);
    }
    job.cancel();
    StreamResult result = job.await();

    assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    assertThat((long) result.collected(out).size()).isEqualTo(result.metrics("handover/sink").recordsIn())
        .isGreaterThanOrEqualTo(5_000);
    assertThat(result.collected(all)).hasSize((int) result.metrics("handover/sink_2").recordsIn());
  }
}
