package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.io.Timestamped;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Stateless operators, rolling aggregations, union, connect, side outputs, counters, sources. */
public abstract class OperatorsConformance extends StreamConformance {

  @Test
  void mapFilterAndFlatMapTransformEveryRecordInOrder() {
    StreamBuilder b = StreamProgram.builder("words");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.of("a b", "", "c d e"))
        .flatMap((String line, Collector<String> o) -> {
          for (String w : line.split(" ")) {
            o.collect(w);
          }
        })
        .filter(w -> !w.isEmpty())
        .map(String::toUpperCase)
        .sink(out);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.collected(out)).containsExactly("A", "B", "C", "D", "E");
  }

  @Test
  void resultsMatchAPlainJavaStreamComputation() {
    List<Long> input = LongStream.range(0, 5000).map(i -> (i * 7919) % 1000).boxed().collect(Collectors.toList());
    StreamBuilder b = StreamProgram.builder("plain");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.fromList(input)).filter(n -> n % 3 == 0).map(n -> n * 2).sink(out);

    List<Long> expected = input.stream().filter(n -> n % 3 == 0).map(n -> n * 2).collect(Collectors.toList());

    assertThat(execute(b.build()).orThrow().collected(out)).isEqualTo(new ArrayList<>(expected));
  }

  @Test
  void countersCountRecordsInAndOutPerOperator() {
    StreamBuilder b = StreamProgram.builder("counts");
    b.source(Sources.sequence(1, 10)).name("numbers")
        .filter(n -> n % 2 == 0).name("even")
        .sink(Sinks.collect("out"));

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.metrics("counts/numbers").recordsOut()).isEqualTo(10);
    assertThat(result.metrics("counts/even").recordsIn()).isEqualTo(10);
    assertThat(result.metrics("counts/even").recordsOut()).isEqualTo(5);
    assertThat(result.metrics("counts/sink").recordsIn()).isEqualTo(5);
  }

  @Test
  void generatorSourceProducesItsRecordsInOrder() {
    StreamBuilder b = StreamProgram.builder("generated");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.generator(5, i -> "r" + i)).sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void processFunctionSeesTimestampsAndEmitsSideOutputs() {
    OutputTag<Long> odd = OutputTag.of("odd", Long.class);
    StreamBuilder b = StreamProgram.builder("split");
    Sink.Collect<String> even = Sinks.collect("even");
    Sink.Collect<Long> odds = Sinks.collect("odds");
    DataStream<String> processed = b.source(Sources.timestamped(List.of(
            Timestamped.of(1L, 100L), Timestamped.of(2L, 200L), Timestamped.of(3L, 300L))))
        .process((Long n, ProcessFunction.Context ctx, Collector<String> o) -> {
          if (n % 2 == 0) {
            o.collect(n + "@" + ctx.timestamp());
          } else {
            ctx.output(odd, n);
          }
        });
    processed.sink(even);
    processed.sideOutput(odd).sink(odds);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.collected(even)).containsExactly("2@200");
    assertThat(result.collected(odds)).containsExactly(1L, 3L);
  }

  @Test
  void recordsWithoutTimestampsHaveNone() {
    StreamBuilder b = StreamProgram.builder("untimed");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.of("a", "b"))
        .process((String s, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(s + "@" + ctx.timestamp()))
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly("a@null", "b@null");
  }

  @Test
  void timestampAssignerReadsEventTimeFromTheRecords() {
    StreamBuilder b = StreamProgram.builder("assigned");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.of(Event.of("a", 1500, 1), Event.of("a", 2500, 2)), monotonous())
        .process((Event e, ProcessFunction.Context ctx, Collector<String> o) -> o.collect(e.value() + "@" + ctx.timestamp()))
        .sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly("1@1500", "2@2500");
  }

  @Test
  void timestampsAssignedMidStreamDriveEventTimeWindows() {
    List<Event> events = Event.ordered(200, 7, 100);
    StreamBuilder b = StreamProgram.builder("midstream");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.fromList(events))
        .map(e -> e)
        .assignTimestampsAndWatermarks(monotonous())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count(), (key, window, n) -> key + "@" + window.start() + "=" + n)
        .sink(out);

    List<String> expected = events.stream()
        .collect(Collectors.groupingBy(e -> e.key() + "@" + (e.time() / 1000) * 1000, Collectors.counting()))
        .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
    assertThat(execute(b.build()).orThrow().collected(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rollingReduceAndAggregateEmitAfterEveryRecordPerKey() {
    StreamBuilder b = StreamProgram.builder("rolling");
    Sink.Collect<Event> reduced = Sinks.collect("reduced");
    Sink.Collect<Long> counted = Sinks.collect("counted");
    DataStream<Event> events = b.source(Sources.of(
        Event.of("a", 0, 1), Event.of("b", 0, 10), Event.of("a", 0, 2), Event.of("a", 0, 3)));
    events.keyBy(Event::key).reduce((x, y) -> Event.of(x.key(), 0, x.value() + y.value())).sink(reduced);
    events.keyBy(Event::key).aggregate(Aggregators.<Event>count()).sink(counted);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.collected(reduced)).extracting(Event::value).containsExactly(1L, 10L, 3L, 6L);
    assertThat(result.collected(counted)).containsExactly(1L, 1L, 2L, 3L);
  }

  @Test
  void keyedOperatorsInParallelGiveThePerKeyResultsOfAPlainComputation() {
    List<Event> events = Event.outOfOrder(2000, 3);
    StreamBuilder b = StreamProgram.builder("parallel");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.fromList(events))
        .keyBy(Event::key)
        .aggregate(Aggregators.sumLong(Event::value))
        .map(sum -> "sum=" + sum)
        .sink(out);

    StreamResult result = execute(b.build(), StreamOptions.defaults().withParallelism(2)).orThrow();

    List<String> expected = new ArrayList<>();
    Map<String, List<Event>> byKey = events.stream().collect(Collectors.groupingBy(Event::key));
    byKey.values().forEach(list -> {
      long sum = 0;
      for (Event e : list) {
        sum += e.value();
        expected.add("sum=" + sum);
      }
    });
    assertThat(result.collected(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void unionMergesStreams() {
    StreamBuilder b = StreamProgram.builder("union");
    Sink.Collect<Long> out = Sinks.collect("out");
    DataStream<Long> a = b.source(Sources.sequence(1, 3));
    DataStream<Long> c = b.source(Sources.sequence(10, 12));
    a.union(c).sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactlyInAnyOrder(1L, 2L, 3L, 10L, 11L, 12L);
  }

  /** Tags each record with the input it came from. */
  static final class Tagging implements CoProcessFunction<String, Long, String> {
    @Override
    public void processElement1(String value, ProcessFunction.Context ctx, Collector<String> o) {
      o.collect("1:" + value);
    }

    @Override
    public void processElement2(Long value, ProcessFunction.Context ctx, Collector<String> o) {
      o.collect("2:" + value);
    }
  }

  @Test
  void coProcessSeesBothInputs() {
    StreamBuilder b = StreamProgram.builder("co");
    Sink.Collect<String> out = Sinks.collect("out");
    DataStream<String> letters = b.source(Sources.of("a", "b"));
    DataStream<Long> numbers = b.source(Sources.of(1L, 2L));
    letters.connect(numbers).process(new Tagging()).sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactlyInAnyOrder("1:a", "1:b", "2:1", "2:2");
  }

  @Test
  void severalCollectSinksEachReceiveTheirRecords() {
    StreamBuilder b = StreamProgram.builder("fanout");
    Sink.Collect<Long> all = Sinks.collect("all");
    Sink.Collect<Long> even = Sinks.collect("even");
    Sink.Collect<String> text = Sinks.collect("text");
    DataStream<Long> numbers = b.source(Sources.sequence(1, 1000));
    numbers.sink(all);
    numbers.filter(n -> n % 2 == 0).sink(even);
    numbers.map(n -> "n" + n).sink(text);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.collected(all)).hasSize(1000).startsWith(1L, 2L).endsWith(1000L);
    assertThat(result.collected(even)).hasSize(500).allMatch(n -> n % 2 == 0);
    assertThat(result.collected(text)).hasSize(1000).startsWith("n1");
  }

  @Test
  void anUnboundedGeneratorRunsUntilCancelledAndReportsWhatItCollected() throws Exception {
    StreamBuilder b = StreamProgram.builder("endless");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.unboundedGenerator(i -> i, 200), WatermarkStrategy.noWatermarks()).sink(out);

    StreamJob job = runtime().start(b.build());
    CompletableFuture<JobStatus> statusWhenDone = job.completion().thenApply(StreamResult::status);
    assertThat(job.await(Duration.ofMillis(100))).isEmpty();
    assertThat(statusWhenDone).isNotDone();
    try {
      awaitCondition(() -> {
        var sink = job.metrics().get("endless/sink");
        return sink != null && sink.recordsIn() >= 10;
      });
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    } finally {
      job.cancel();
    }
    StreamResult result = job.await();

    assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(statusWhenDone.get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    assertThat(result.collected(out)).isEqualTo(LongStream.range(0, result.collected(out).size()).boxed().toList());
  }

  /** Routes records of the second input to a side output. */
  static final class SecondToSide implements CoProcessFunction<String, Long, String> {
    static final OutputTag<Long> NUMBERS = OutputTag.of("numbers", Long.class);

    @Override
    public void processElement1(String value, ProcessFunction.Context ctx, Collector<String> o) {
      o.collect(value + "@" + ctx.timestamp());
    }

    @Override
    public void processElement2(Long value, ProcessFunction.Context ctx, Collector<String> o) {
      ctx.output(NUMBERS, value);
    }
  }

  @Test
  void coProcessSeesTimestampsAndEmitsSideOutputs() {
    StreamBuilder b = StreamProgram.builder("co_side");
    Sink.Collect<String> out = Sinks.collect("out");
    Sink.Collect<Long> numbers = Sinks.collect("numbers");
    DataStream<String> letters = b.source(Sources.timestamped(List.of(Timestamped.of("a", 10L), Timestamped.of("b", 20L))));
    DataStream<String> processed = letters.connect(b.source(Sources.of(1L, 2L))).process(new SecondToSide());
    processed.sink(out);
    processed.sideOutput(SecondToSide.NUMBERS).sink(numbers);

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactly("a@10", "b@20");
    assertThat(result.collected(numbers)).containsExactly(1L, 2L);
  }
}
