package io.solidstream.api.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A run in progress: wait for its result or cancel it. */
public interface RunHandle {

  /** The id of the run. */
  String runId();

  /** The current status. */
  RunStatus status();

  /**
   * Waits for the run to finish and returns its result (which may be a failure).
   *
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
   *     (the interrupt flag is restored; the run goes on)
   */
  RunResult await();

  /** Waits at most {@code timeout}; empty if the run has not finished by then. */
  Optional<RunResult> await(Duration timeout);

  /** Completes with the result when the run finishes. */
  CompletableFuture<RunResult> completion();

  /**
   * Asks the run to stop: no new step starts, running steps are interrupted, resources are closed,
   * and the run ends with status {@link RunStatus#CANCELED}. Does nothing if it already finished.
   */
  void cancel();

  /** Whether the run has finished. */
  default boolean isDone() {
    return completion().isDone();
  }
}
