package io.solidstream.api.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A running stream job: wait for it, cancel it, read its counters live. */
public interface StreamJob {

  /** The program's name. */
  String name();

  /** The current status. */
  JobStatus status();

  /**
   * Waits until the job ends (a bounded program finishes; an unbounded one must be cancelled).
   *
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted (the
   *     interrupt flag is restored; the job goes on)
   */
  StreamResult await();

  /** Waits at most {@code timeout}. */
  Optional<StreamResult> await(Duration timeout);

  /** Stops the job; {@link #await()} then returns a CANCELED result with what was collected so far. */
  void cancel();

  /** The counters so far, by operator name. */
  Map<String, OperatorMetrics> metrics();
}
