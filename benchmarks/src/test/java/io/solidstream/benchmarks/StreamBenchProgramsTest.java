package io.solidstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that each single-operator stream program computes what its plain loop computes, and that
 * the benchmark's setup verifies a run. Measures nothing.
 */
class StreamBenchProgramsTest {

  @ParameterizedTest
  @EnumSource(StreamBenchPrograms.Operator.class)
  void programsComputeWhatThePlainLoopsCompute(StreamBenchPrograms.Operator operator) {
    long records = 10_500;
    List<Object> expected = new ArrayList<>();
    long outputs = StreamBenchPrograms.plain(operator, records, expected::add);
    Sink.Collect<Long> out = Sinks.collect("out");

    for (int parallelism : new int[] {1, 2}) {
      StreamResult result = LocalStreamRuntime.create()
          .start(StreamBenchPrograms.program(operator, records, out), StreamOptions.defaults().withParallelism(parallelism))
          .await()
          .orThrow();
      assertThat(result.collected(out)).hasSize((int) outputs).containsExactlyInAnyOrderElementsOf(
          expected.stream().map(Long.class::cast).toList());
      assertThat(result.metrics(StreamBenchPrograms.sinkName(operator)).recordsIn()).isEqualTo(outputs);
    }
    assertThat(outputs).isEqualTo(switch (operator) {
      case FILTER -> records / 2;
      case TUMBLING_WINDOW -> 11 * StreamBenchPrograms.KEYS;
      default -> records;
    });
  }
}
