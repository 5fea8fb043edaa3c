package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamOperatorsTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Test
  void runtimeIsNamedInProcess() {
    assertThat(runtime.name()).isEqualTo("in-process");
  }

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

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(result.collected(out)).containsExactly("A", "B", "C", "D", "E");
  }

  @Test
  void countersCountRecordsInAndOutPerOperator() {
    StreamBuilder b = StreamProgram.builder("counts");
    b.source(Sources.sequence(1, 10)).name("numbers")
        .filter(n -> n % 2 == 0).name("even")
        .sink(Sinks.collect("out"));

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.metrics("counts/numbers").recordsOut()).isEqualTo(10);
    assertThat(result.metrics("counts/even").recordsIn()).isEqualTo(10);
    assertThat(result.metrics("counts/even").recordsOut()).isEqualTo(5);
    assertThat(result.metrics("counts/sink").recordsIn()).isEqualTo(5);
  }

  @Test
  void processFunctionSeesTimestampsAndEmitsSideOutputs() {
    OutputTag<Long> odd = OutputTag.of("odd", Long.class);
    StreamBuilder b = StreamProgram.builder("split");
    Sink.Collect<String> even = Sinks.collect("even");
    Sink.Collect<Long> odds = Sinks.collect("odds");
    DataStream<String> processed = b.source(Sources.timestamped(List.of(
            io.solidstream.api.stream.io.Timestamped.of(1L, 100L),
            io.solidstream.api.stream.io.Timestamped.of(2L, 200L),
            io.solidstream.api.stream.io.Timestamped.of(3L, 300L))))
        .process((Long n, ProcessFunction.Context ctx, Collector<String> o) -> {
          if (n % 2 == 0) {
            o.collect(n + "@" + ctx.timestamp());
          } else {
            ctx.output(odd, n);
          }
        });
    processed.sink(even);
    processed.sideOutput(odd).sink(odds);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(even)).containsExactly("2@200");
    assertThat(result.collected(odds)).containsExactly(1L, 3L);
  }

  @Test
  void rollingReduceAndAggregateEmitAfterEveryRecordPerKey() {
    StreamBuilder b = StreamProgram.builder("rolling");
    Sink.Collect<Event> reduced = Sinks.collect("reduced");
    Sink.Collect<Long> counted = Sinks.collect("counted");
    DataStream<Event> events = b.source(Sources.of(
        Event.of("a", 0, 1), Event.of("b", 0, 10), Event.of("a", 0, 2), Event.of("a", 0, 3)));
    events.keyBy(Event::key).reduce((x, y) -> Event.of(x.key(), 0, x.value() + y.value())).sink(reduced);
    events.keyBy(Event::key).aggregate(io.solidstream.api.stream.Aggregators.<Event>count()).sink(counted);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(reduced)).extracting(Event::value).containsExactly(1L, 10L, 3L, 6L);
    assertThat(result.collected(counted)).containsExactly(1L, 1L, 2L, 3L);
  }

  @Test
  void unionMergesStreams() {
    StreamBuilder b = StreamProgram.builder("union");
    Sink.Collect<Long> out = Sinks.collect("out");
    DataStream<Long> a = b.source(Sources.sequence(1, 3));
    DataStream<Long> c = b.source(Sources.sequence(10, 12));
    a.union(c).sink(out);

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactlyInAnyOrder(1L, 2L, 3L, 10L, 11L, 12L);
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

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(out)).containsExactlyInAnyOrder("1:a", "1:b", "2:1", "2:2");
  }

  @Test
  void userExceptionFailsTheJobNamingTheOperator() {
    StreamBuilder b = StreamProgram.builder("clicks");
    b.source(Sources.of(1L, 2L, 3L))
        .map(n -> {
          if (n == 2L) {
            throw new IllegalStateException("boom");
          }
          return n;
        })
        .sink(Sinks.collect("out"));

    StreamResult result = runtime.execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().isInstanceOf(UserCodeException.class);
    assertThat(result.failure().get())
        .hasMessage("Error in operator 'clicks/map': java.lang.IllegalStateException: boom")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(result::orThrow).isInstanceOf(UserCodeException.class);
  }

  @Test
  void downstreamFailureIsNotBlamedOnTheFlatMapThatFedIt() {
    StreamBuilder b = StreamProgram.builder("blame");
    b.source(Sources.of("x"))
        .flatMap((String s, Collector<String> o) -> o.collect(s))
        .filter(s -> {
          throw new IllegalArgumentException("bad filter");
        })
        .sink(Sinks.collect("out"));

    StreamResult result = runtime.execute(b.build());

    assertThat(result.failure().get()).hasMessageContaining("'blame/filter'");
  }

  /** A mutable record, to check the mutation guard. */
  static final class Box implements Serializable {
    long value;

    Box(long value) {
      this.value = value;
    }
  }

  @Test
  void mutationCheckCatchesAMapFunctionThatMutatesItsInput() {
    StreamBuilder b = StreamProgram.builder("mutation");
    b.source(Sources.of(new Box(1)))
        .map(box -> {
          box.value++;
          return box.value;
        })
        .sink(Sinks.collect("out"));
    StreamProgram program = b.build();

    StreamResult checked = runtime.start(program, StreamOptions.defaults().withMutationCheck(true)).await();
    StreamResult unchecked = runtime.start(program, StreamOptions.defaults()).await();

    assertThat(checked.status()).isEqualTo(JobStatus.FAILED);
    assertThat(checked.failure().get()).hasMessageContaining("'mutation/map'").hasMessageContaining("mutated its input");
    assertThat(unchecked.status()).isEqualTo(JobStatus.FINISHED);
  }

  @Test
  void aNodeKindWithoutTranslationFailsNamingNodeKindAndRuntime() {
    Map<Class<? extends StreamNode>, OperatorFactory> registry = new HashMap<>(OperatorRegistry.defaults());
    registry.remove(StreamNode.Map.class);
    LocalStreamRuntime partial = new LocalStreamRuntime(registry);
    StreamBuilder b = StreamProgram.builder("p");
    b.source(Sources.of(1)).map(x -> x).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> partial.start(b.build()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'p/map'").hasMessageContaining("Map node").hasMessageContaining("in-process");
  }

  @Test
  void resultsMatchAPlainJavaStreamComputation() {
    List<Long> input = LongStream.range(0, 5000).map(i -> (i * 7919) % 1000).boxed().collect(Collectors.toList());
    StreamBuilder b = StreamProgram.builder("plain");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.fromList(input)).filter(n -> n % 3 == 0).map(n -> n * 2).sink(out);

    List<Long> expected = input.stream().filter(n -> n % 3 == 0).map(n -> n * 2).collect(Collectors.toList());

    assertThat(runtime.execute(b.build()).orThrow().collected(out)).isEqualTo(new ArrayList<>(expected));
  }
}
