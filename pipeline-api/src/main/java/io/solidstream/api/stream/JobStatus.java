package io.solidstream.api.stream;

/** The state of a stream job. */
public enum JobStatus {
  /** Running. */
  RUNNING,
  /** All sources ended and every record was processed (bounded programs). */
  FINISHED,
  /** Cancelled by request. */
  CANCELED,
  /** A user function or the runtime failed. */
  FAILED;

  /** Whether the job has ended. */
  public boolean isDone() {
    return this != RUNNING;
  }
}
