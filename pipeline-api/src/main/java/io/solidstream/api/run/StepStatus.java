package io.solidstream.api.run;

/** The outcome of one step. */
public enum StepStatus {
  /** Started, not finished (or the run stopped while it ran). */
  IN_PROGRESS,
  /** Succeeded. */
  SUCCESS,
  /** Failed after its last attempt. */
  FAILURE,
  /** Did not run because of an upstream failure or an unemitted optional output. */
  SKIPPED
}
