package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamOperatorsTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Test
  void runtimeIsNamedInProcess() {
    assertThat(runtime.name()).isEqualTo("in-process");
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
}
