package io.solidstream.testkit;

import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.StreamResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link StreamTester#run()}: the records of each captured stream and every
 * operator's counters.
 *
 * <pre>{@code
 * StreamTestResult r = tester.run();
 * assertThat(r.records(sessions)).containsExactly(new Session("ann", 1_000, 7_000, 3));
 * assertThat(r.metrics("window").lateRecordsDropped()).isEqualTo(1);
 * }</pre>
 *
 * @param result the stream job's raw result
 */
public record StreamTestResult(StreamResult result) {
  /** Validates. */
  public StreamTestResult {
    Objects.requireNonNull(result, "result");
  }

  /** The records {@code output} received, in arrival order (an unmodifiable list). */
  public <T> List<T> records(TestOutput<T> output) {
    Objects.requireNonNull(output, "output");
    return result.collected(output.sink());
  }

  /**
   * The counters of one operator, by its full name ({@code sessions/window}) or by its name
   * within the program ({@code window}).
   *
   * @throws IllegalArgumentException if there is no such operator, listing the operators
   */
  public OperatorMetrics metrics(String operator) {
    Objects.requireNonNull(operator, "operator");
    Map<String, OperatorMetrics> all = result.metrics();
    OperatorMetrics metrics = all.get(operator);
    if (metrics == null) {
      metrics = all.get(result.program() + "/" + operator);
    }
    if (metrics == null) {
      throw new IllegalArgumentException("stream program '" + result.program() + "' has no operator '" + operator
          + "'; operators: " + all.keySet());
    }
    return metrics;
  }

  /** Every operator's counters, by full operator name, in program order. */
  public Map<String, OperatorMetrics> metrics() {
    return result.metrics();
  }

  /** The program's name. */
  public String program() {
    return result.program();
  }
}
