package io.solidstream.api.stream;

import java.time.Duration;
import java.util.Map;
import io.solidstream.api.internal.Completions;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** A running stream job: wait for it, cancel it, read its counters live. */
public interface StreamJob {

  /** The program's name. */
  String name();

  /** The current status. */
  JobStatus status();

  /**
   * Waits until the job ends (a bounded program finishes; an unbounded one must be cancelled).
   * A job whose operators fail still has a result, with status {@link JobStatus#FAILED}.
   *
   * @throws CancellationException if the waiting thread is interrupted (the interrupt flag is
   *     restored; the job goes on)
   * @throws IllegalStateException if the runtime itself could not report the job's result
   */
  default StreamResult await() {
    return Completions.await(completion(), null, "stream job '" + name() + "' (the job goes on; cancel() stops it)",
        this::abnormalEnd).orElseThrow();
  }

  /**
   * Waits at most {@code timeout}; empty if the job has not ended by then.
   *
   * @throws CancellationException as {@link #await()}
   * @throws IllegalStateException as {@link #await()}
   */
  default Optional<StreamResult> await(Duration timeout) {
    return Completions.await(completion(), timeout, "stream job '" + name() + "' (the job goes on; cancel() stops it)",
        this::abnormalEnd);
  }

  /**
   * Completes with the job's result when it ends (also when it fails or is cancelled), for callers
   * that go on without waiting: {@code job.completion().thenAccept(result -> ...)}.
   */
  CompletableFuture<StreamResult> completion();

  /** Stops the job; {@link #await()} then returns a CANCELED result with what was collected so far. */
  void cancel();

  /**
   * Takes a savepoint of the job's state into {@code directory}, then stops the job gracefully,
   * and returns the savepoint's path; start the program again with {@link
   * StreamOptions#fromSavepoint(String)} to go on where it stopped. Blocks until the job stopped.
   *
   * <p>Sources stop right after the savepoint, so no record is processed after it: every sink
   * (part-file sinks commit their files) holds exactly what the savepoint accounts for, and the
   * resumed job neither loses nor repeats records. {@link #await()} then returns a CANCELED result.
   *
   * <pre>{@code
   * String savepoint = job.stopWithSavepoint("file:///shared/savepoints");
   * StreamJob resumed = runtime.start(program, options.fromSavepoint(savepoint));
   * }</pre>
   *
   * @param directory a directory (path or URI) the cluster's JobManager and TaskManagers can write
   * @return the savepoint's path (a URI such as {@code file:/shared/savepoints/savepoint-3f2a1b-0c9d8e7f})
   * @throws UnsupportedOperationException if the runtime takes no savepoints (in-process)
   * @throws IllegalStateException if the job already ended, or the savepoint failed (the job then
   *     keeps running)
   */
  String stopWithSavepoint(String directory);

  /** The counters so far, by operator name. */
  Map<String, OperatorMetrics> metrics();

  private RuntimeException abnormalEnd(Throwable cause) {
    return new IllegalStateException("stream job '" + name() + "' ended abnormally", cause);
  }
}
