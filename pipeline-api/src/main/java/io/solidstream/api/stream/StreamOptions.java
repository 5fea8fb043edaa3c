package io.solidstream.api.stream;

import java.io.Serializable;

/**
 * How a stream job runs. Immutable; every {@code withX} returns a copy.
 *
 * @param parallelism how many parallel instances keyed operators get (in-process: threads)
 * @param checkNoMutation whether the in-process runtime checks that functions do not mutate their
 *     input records (slower; for tests)
 * @param manualProcessingTime whether processing time only advances when a scripted test source
 *     says so (deterministic tests), instead of following the wall clock
 * @param processingTimeStart the initial processing time when {@code manualProcessingTime}
 */
public record StreamOptions(int parallelism, boolean checkNoMutation, boolean manualProcessingTime, long processingTimeStart)
    implements Serializable {

  private static final StreamOptions DEFAULTS = new StreamOptions(1, false, false, 0);

  /** Validates. */
  public StreamOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
  }

  /** Parallelism 1, wall-clock processing time, no mutation check. */
  public static StreamOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with this parallelism. */
  public StreamOptions withParallelism(int parallelism) {
    return new StreamOptions(parallelism, checkNoMutation, manualProcessingTime, processingTimeStart);
  }

  /** A copy that checks (in-process) that user functions leave their inputs unchanged. */
  public StreamOptions withMutationCheck(boolean check) {
    return new StreamOptions(parallelism, check, manualProcessingTime, processingTimeStart);
  }

  /** A copy whose processing time starts at {@code start} and only moves when a test source advances it. */
  public StreamOptions withManualProcessingTime(long start) {
    return new StreamOptions(parallelism, checkNoMutation, true, start);
  }
}
