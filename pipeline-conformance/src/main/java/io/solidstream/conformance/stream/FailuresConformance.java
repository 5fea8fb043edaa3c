package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failure of user code fails the job with a UserCodeException naming the operator that failed. */
public abstract class FailuresConformance extends StreamConformance {

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

    StreamResult result = execute(b.build());

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

    StreamResult result = execute(b.build());

    assertThat(result.failure().get()).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in operator 'blame/filter': java.lang.IllegalArgumentException: bad filter");
  }

  /** Fails on the key "bad". */
  static final class FailOnBad implements KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) {
      if (value.equals("bad")) {
        throw new UnsupportedOperationException("no bad keys");
      }
      out.collect(value);
    }
  }

  @Test
  void aFailingKeyedProcessFunctionIsNamed() {
    StreamBuilder b = StreamProgram.builder("keyed_fail");
    b.source(Sources.of("good", "bad")).keyBy(s -> s).process(new FailOnBad()).sink(Sinks.collect("out"));

    StreamResult result = execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in operator 'keyed_fail/process': java.lang.UnsupportedOperationException: no bad keys");
  }

  @Test
  void aFailingWindowFunctionIsNamed() {
    StreamBuilder b = StreamProgram.builder("window_fail");
    b.source(Sources.of(Event.of("a", 100, 1), Event.of("a", 200, 2)), monotonous())
        .keyBy(Event::key)
        .window(WindowSpec.tumbling(Duration.ofSeconds(1)))
        .reduce((x, y) -> {
          throw new ArithmeticException("cannot add");
        })
        .sink(Sinks.collect("out"));

    StreamResult result = execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in operator 'window_fail/window': java.lang.ArithmeticException: cannot add");
  }
}
