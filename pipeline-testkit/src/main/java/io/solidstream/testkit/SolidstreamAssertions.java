package io.solidstream.testkit;

import io.solidstream.api.run.RunResult;

/**
 * Entry point of the test kit's AssertJ assertions; import statically next to AssertJ's own.
 *
 * <pre>{@code
 * import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
 *
 * assertThat(LocalRuntime.create().execute(etl)).succeeded().hasOutput("total", TOTAL, 42);
 * assertThat(streamTester.run()).operator("window").droppedLateRecords(1);
 * }</pre>
 */
public final class SolidstreamAssertions {
  private SolidstreamAssertions() {}

  /** Assertions on a pipeline run's result. */
  public static RunResultAssert assertThat(RunResult actual) {
    return new RunResultAssert(actual);
  }

  /** Assertions on a stream test's result: captured records and operator counters. */
  public static StreamTestResultAssert assertThat(StreamTestResult actual) {
    return new StreamTestResultAssert(actual);
  }
}
