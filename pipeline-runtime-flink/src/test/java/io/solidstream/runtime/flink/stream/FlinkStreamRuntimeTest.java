package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.runtime.flink.FlinkCluster;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the Flink runtime: its name, registry, execution mode rule, failures. */
class FlinkStreamRuntimeTest {

  @Test
  void runtimeIsNamedFlinkMiniCluster() {
    assertThat(FlinkTestRuntime.RUNTIME.name()).isEqualTo("flink-minicluster");
  }

  @Test
  void aNodeKindWithoutTranslationFailsAtStartNamingNodeKindAndRuntime() {
    Map<Class<? extends StreamNode>, Translator<?>> registry = new HashMap<>(Translators.defaults());
    registry.remove(StreamNode.Map.class);
    FlinkStreamRuntime partial = new FlinkStreamRuntime(registry, FlinkCluster.miniCluster());
    StreamBuilder b = StreamProgram.builder("p");
    b.source(Sources.of(1)).map(x -> x).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> partial.start(b.build()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("stream program 'p': operator 'p/map' is a Map node, which the flink-minicluster runtime"
            + " does not support");
  }

  @Test
  void theRegistryCoversEveryNodeKind() {
    java.util.Set<Class<?>> kinds = new java.util.HashSet<>(Translators.defaults().keySet());
    assertThat(kinds).containsExactlyInAnyOrder(StreamNode.class.getPermittedSubclasses());
  }

  @Test
  void aScriptedSourceWithProcessingTimeAdvancesIsRefusedNamingTheSource() {
    StreamBuilder b = StreamProgram.builder("clock");
    b.source(new io.solidstream.api.stream.io.Source.Scripted<>(java.util.List.of(
            new io.solidstream.api.stream.io.Source.ScriptStep.Element<>("a", 0L),
            new io.solidstream.api.stream.io.Source.ScriptStep.AdvanceProcessingTime<String>(100))))
        .sink(Sinks.collect("out"));

    assertThatThrownBy(() -> FlinkTestRuntime.RUNTIME.start(b.build()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("operator 'clock/source' is a SourceNode node")
        .hasMessageContaining("processing-time advances")
        .hasMessageContaining("flink-minicluster");
  }

  @Test
  void parallelismBeyondTheSlotsIsRefusedAtStart() {
    StreamBuilder b = StreamProgram.builder("wide");
    b.source(Sources.of(1)).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> FlinkTestRuntime.RUNTIME.start(b.build(), StreamOptions.defaults().withParallelism(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism 64 exceeds the 4 slots");
  }

  @Test
  void onlyStatelessTimeIndependentBoundedProgramsRunInBatchMode() {
    StreamBuilder stateless = StreamProgram.builder("stateless");
    stateless.source(Sources.sequence(1, 5)).map(n -> n * 2).filter(n -> n > 2).sink(Sinks.collect("out"));
    StreamBuilder keyed = StreamProgram.builder("keyed");
    keyed.source(Sources.sequence(1, 5)).keyBy(n -> n % 2).reduce(Long::sum).sink(Sinks.collect("out"));
    StreamBuilder endless = StreamProgram.builder("endless");
    endless.source(Sources.unboundedGenerator(i -> i, 10), WatermarkStrategy.noWatermarks()).sink(Sinks.collect("out"));

    assertThat(FlinkStreamRuntime.batch(stateless.build())).isTrue();
    assertThat(FlinkStreamRuntime.batch(keyed.build())).isFalse();
    assertThat(FlinkStreamRuntime.batch(endless.build())).isFalse();
  }

  @Test
  void aBatchModeProgramGivesTheStreamingResults() {
    StreamBuilder b = StreamProgram.builder("batch");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.sequence(1, 100)).map(n -> n * n).filter(n -> n % 2 == 1).sink(out);

    StreamResult result = FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow();

    assertThat(result.collected(out)).hasSize(50).startsWith(1L, 9L, 25L).endsWith(9801L);
    assertThat(result.metrics("batch/filter").recordsIn()).isEqualTo(100);
  }

  @Test
  void aMissingFileFailsTheJobNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");
    StreamBuilder b = StreamProgram.builder("missing");
    b.source(Sources.textFile(missing)).sink(Sinks.collect("out"));

    StreamResult result = FlinkTestRuntime.RUNTIME.execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).hasStackTraceContaining(missing.toString());
  }

  @Test
  void liveMetricsAreReadWhileAJobRuns() {
    StreamBuilder b = StreamProgram.builder("live");
    b.source(Sources.unboundedGenerator(i -> i, 100), WatermarkStrategy.noWatermarks()).sink(Sinks.collect("out"));
    var job = FlinkTestRuntime.RUNTIME.start(b.build());
    try {
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.metrics()).isNotNull();
    } finally {
      job.cancel();
    }
    assertThat(job.await().status()).isEqualTo(JobStatus.CANCELED);
  }

  /** Not serializable. */
  record Plain(int n) {}

  @Test
  void aCollectionOfUnserializableRecordsIsRefusedAtStartNamingTheType() {
    StreamBuilder b = StreamProgram.builder("plain");
    b.source(Sources.of(new Plain(1))).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> FlinkTestRuntime.RUNTIME.start(b.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator 'plain/source'")
        .hasMessageContaining(Plain.class.getName() + ", which is not Serializable");
  }

  @Test
  void closingARuntimeThatDidNotStartTheClusterLeavesItRunningForTheOthers() {
    StreamBuilder b = StreamProgram.builder("shared");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.sequence(1, 3)).sink(out);
    FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow();

    FlinkStreamRuntime.miniCluster().close();

    assertThat(FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow().collected(out)).containsExactly(1L, 2L, 3L);
  }

  /** A record holding JDK collections, which Kryo serializes between operators. */
  record Basket(String owner, java.util.List<String> items, java.util.Map<String, Integer> counts)
      implements java.io.Serializable {}

  @Test
  void recordsHoldingImmutableJdkCollectionsCrossAKeyPartitioning() {
    StreamBuilder b = StreamProgram.builder("baskets");
    Sink.Collect<Basket> out = Sinks.collect("out");
    b.source(Sources.of(new Basket("ann", java.util.List.of("a", "b"), java.util.Map.of("a", 1)),
            new Basket("bob", java.util.List.of(), java.util.Map.of())))
        .keyBy(Basket::owner)
        .reduce((x, y) -> x)
        .sink(out);

    assertThat(FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow().collected(out)).containsExactly(
        new Basket("ann", java.util.List.of("a", "b"), java.util.Map.of("a", 1)),
        new Basket("bob", java.util.List.of(), java.util.Map.of()));
  }

  /** Public, so Flink serializes it as a POJO (RecordTypes). */
  public record Visit(String user, String page) implements java.io.Serializable {}

  @Test
  void typedRecordsCrossAKeyPartitioningAndAWindowUnchanged() {
    StreamBuilder b = StreamProgram.builder("visits");
    Sink.Collect<Visit> out = Sinks.collect("out");
    b.source(Sources.generator(6, i -> new Visit("u" + (i % 2), "/p" + i)),
            WatermarkStrategy.<Visit>forMonotonousTimestamps().withTimestampAssigner((visit, ts) -> 0L))
        .keyBy(Visit::user)
        .window(io.solidstream.api.stream.time.WindowSpec.tumbling(java.time.Duration.ofSeconds(1)))
        .reduce((x, y) -> new Visit(x.user(), x.page() + y.page()), (user, window, visit) -> visit)
        .sink(out);

    assertThat(FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow().collected(out))
        .containsExactlyInAnyOrder(new Visit("u0", "/p0/p2/p4"), new Visit("u1", "/p1/p3/p5"));
  }

  @Test
  void aUnionOfStreamsWhoseRecordsFlinkTypesDifferentlyRuns() {
    StreamBuilder b = StreamProgram.builder("mixed");
    Sink.Collect<Visit> out = Sinks.collect("out");
    io.solidstream.api.stream.DataStream<Visit> typed = b.source(Sources.of(new Visit("ann", "/a")));
    io.solidstream.api.stream.DataStream<Visit> generic = b.source(Sources.of("bob"))
        .flatMap((String user, io.solidstream.api.stream.function.Collector<Visit> o) -> o.collect(new Visit(user, "/b")));
    typed.union(generic).keyBy(Visit::user).reduce((x, y) -> x).sink(out);

    assertThat(FlinkTestRuntime.RUNTIME.execute(b.build()).orThrow().collected(out))
        .containsExactlyInAnyOrder(new Visit("ann", "/a"), new Visit("bob", "/b"));
  }

  @Test
  void aFailingGeneratorFailsTheJobNamingTheSource() {
    StreamBuilder b = StreamProgram.builder("gen");
    b.source(Sources.generator(10, i -> {
      if (i == 3) {
        throw new IllegalStateException("no record 3");
      }
      return "r" + i;
    })).sink(Sinks.collect("out"));

    StreamResult result = FlinkTestRuntime.RUNTIME.execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).isInstanceOf(io.solidstream.api.solid.UserCodeException.class)
        .hasMessage("Error in operator 'gen/source': java.lang.IllegalStateException: no record 3");
  }

  @Test
  void manualProcessingTimeIsRefusedAtStart() {
    StreamBuilder b = StreamProgram.builder("manual");
    b.source(Sources.of(1)).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> FlinkTestRuntime.RUNTIME.start(b.build(), StreamOptions.defaults().withManualProcessingTime(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot use manual processing time");
  }
}
