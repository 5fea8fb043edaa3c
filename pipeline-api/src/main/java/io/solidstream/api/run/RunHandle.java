package io.solidstream.api.run;

import io.solidstream.api.internal.Completions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** A run in progress: wait for its result or cancel it. */
public interface RunHandle {

  /** The id of the run. */
  String runId();

  /** The current status. */
  RunStatus status();

  /**
   * Waits for the run to finish and returns its result (which may be a failure: a run whose
   * steps fail still has a result).
   *
   * @throws CancellationException if the waiting thread is interrupted (the interrupt flag is
   *     restored; the run goes on)
   * @throws RuntimeException the runtime's own crash, as it was thrown; a checked one wrapped in an
   *     {@link IllegalStateException} naming the run
   */
  default RunResult await() {
    return Completions.await(completion(), null, "run " + runId(), this::crash).orElseThrow();
  }

  /**
   * Waits at most {@code timeout}; empty if the run has not finished by then.
   *
   * @throws CancellationException as {@link #await()}
   * @throws RuntimeException as {@link #await()}
   */
  default Optional<RunResult> await(Duration timeout) {
    return Completions.await(completion(), timeout, "run " + runId(), this::crash);
  }

  /**
   * Completes with the result when the run finishes, or exceptionally if the runtime itself
   * crashed (never because steps failed).
   */
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

  private RuntimeException crash(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("Run " + runId() + " crashed", cause);
  }
}
