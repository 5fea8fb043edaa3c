package io.solidstream.testkit;

import io.solidstream.api.stream.io.Sink;
import java.util.Objects;

/**
 * A captured stream of a {@link StreamTester}: the collect sink it added, and the operator whose
 * output it is. Read the records with {@link StreamTestResult#records(TestOutput)}.
 *
 * @param operator the name of the operator producing the captured stream (e.g. {@code
 *     sessions/window} or {@code sessions/side_output_late})
 * @param sink the collect sink the tester added
 * @param <T> the record type
 */
public record TestOutput<T>(String operator, Sink.Collect<T> sink) {
  /** Validates. */
  public TestOutput {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(sink, "sink");
  }

  /** The collect sink's name. */
  public String name() {
    return sink.name();
  }
}
