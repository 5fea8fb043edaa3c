package io.solidstream.testkit;

import io.solidstream.api.stream.OperatorMetrics;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on a {@link StreamTestResult}: the records of a captured stream, and operator
 * counters with failure messages that show every counter of the program.
 *
 * <pre>{@code
 * assertThat(result).output(lateClicks).containsExactly(late);
 * assertThat(result).operator("window").receivedRecords(3).droppedLateRecords(1);
 * }</pre>
 */
public final class StreamTestResultAssert extends AbstractAssert<StreamTestResultAssert, StreamTestResult> {

  StreamTestResultAssert(StreamTestResult actual) {
    super(actual, StreamTestResultAssert.class);
  }

  /** Assertions on the records {@code output} received, in arrival order. */
  public <T> ListAssert<T> output(TestOutput<T> output) {
    isNotNull();
    List<T> records = actual.records(output);
    return Assertions.assertThat(records).as("records of '%s' (captured as '%s')", output.operator(), output.name());
  }

  /**
   * Assertions on the counters of {@code operator}, by full name ({@code clicks/window}) or by its
   * name within the program ({@code window}).
   */
  public OperatorAssert operator(String operator) {
    isNotNull();
    if (actual.metrics().get(operator) == null && actual.metrics().get(actual.program() + "/" + operator) == null) {
      failWithMessage("Expected an operator '%s' in stream program '%s', but there is none.%n%s", operator,
          actual.program(), describe(actual));
    }
    return new OperatorAssert(this, actual.metrics(operator));
  }

  static String describe(StreamTestResult result) {
    return "Counters (in / out / late dropped):\n" + result.metrics().values().stream()
        .map(m -> "  " + m.operator() + ": " + m.recordsIn() + " / " + m.recordsOut() + " / " + m.lateRecordsDropped())
        .collect(Collectors.joining("\n"));
  }

  /** Assertions on one operator's counters; {@link #and()} returns to the result. */
  public static final class OperatorAssert extends AbstractAssert<OperatorAssert, OperatorMetrics> {
    private final StreamTestResultAssert parent;

    OperatorAssert(StreamTestResultAssert parent, OperatorMetrics actual) {
      super(actual, OperatorAssert.class);
      this.parent = parent;
    }

    /** The operator received {@code count} records. */
    public OperatorAssert receivedRecords(long count) {
      return check("received", "records", actual.recordsIn(), count);
    }

    /** The operator emitted {@code count} records on its main output. */
    public OperatorAssert emittedRecords(long count) {
      return check("emitted", "records", actual.recordsOut(), count);
    }

    /** The operator dropped {@code count} records as too late for their window (not sent to a side output). */
    public OperatorAssert droppedLateRecords(long count) {
      return check("dropped", "late records", actual.lateRecordsDropped(), count);
    }

    /** Back to the result's assertions. */
    public StreamTestResultAssert and() {
      return parent;
    }

    private OperatorAssert check(String verb, String noun, long value, long expected) {
      if (value != expected) {
        failWithMessage("Expected operator '%s' to have %s %d %s, but it %s %d.%n%s", actual.operator(), verb,
            expected, noun, verb, value, describe(parent.actual));
      }
      return this;
    }
  }
}
