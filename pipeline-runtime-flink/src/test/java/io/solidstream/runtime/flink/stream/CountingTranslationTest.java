package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * Where the translation counts records: readers of a stream whose records an operator counts
 * already read that counter (no counting map of their own); others keep their counting map. The
 * counts themselves are checked by the conformance suite ({@code MiniClusterWindowsTest} and
 * others).
 */
class CountingTranslationTest {

  private static List<String> operatorNames(StreamProgram program) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TranslationContext context = FlinkTestRuntime.RUNTIME.translate(program, StreamOptions.defaults(), env);
    StreamGraph graph = env.getStreamGraph(); // not executed: the collect sinks' iterators stay unused
    assertThat(context.collectors()).isNotEmpty();
    return graph.getStreamNodes().stream().map(StreamNode::getOperatorName).sorted().toList();
  }

  @Test
  void windowsAndSinksReadingACountedStreamAddNoCountingOperator() {
    StreamBuilder b = StreamProgram.builder("wc");
    b.source(Sources.generator(100, i -> "k" + i % 3),
            WatermarkStrategy.<String>forMonotonousTimestamps().withTimestampAssigner((s, ts) -> 0L))
        .keyBy(s -> s)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count(), (String key, TimeWindow window, Long n) -> key + n)
        .windowAll(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count())
        .sink(Sinks.collect("out"));

    List<String> operators = operatorNames(b.build());

    // the source's counting map counts for the window; the windows count what they emit
    assertThat(operators).containsExactly(
        "Sink: Data stream collect sink",
        "Source: wc/source",
        "wc/source",
        "wc/window",
        "wc/window (discard late): Writer",
        "wc/window (late, dropped)",
        "wc/window_all",
        "wc/window_all (discard late): Writer",
        "wc/window_all (late, dropped)");
  }

  @Test
  void aWindowReadingAUnionCountsItsInputWithAMap() {
    StreamBuilder b = StreamProgram.builder("u");
    var first = b.source(Sources.of(1L, 2L),
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n));
    var second = b.source(Sources.of(3L),
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n));
    first.union(second)
        .windowAll(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .aggregate(Aggregators.count())
        .sink(Sinks.collect("out"));

    assertThat(operatorNames(b.build())).contains("u/window_all (in)").doesNotContain("u/sink");
  }
}
