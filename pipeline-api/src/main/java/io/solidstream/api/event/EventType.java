package io.solidstream.api.event;

/** The kind of a {@link RunEvent}, for filtering, display and storage. */
public enum EventType {
  RUN_STARTED,
  RUN_SUCCEEDED,
  RUN_FAILED,
  RUN_CANCELED,
  STEP_STARTED,
  STEP_INPUT,
  STEP_OUTPUT,
  STEP_SUCCEEDED,
  STEP_FAILED,
  STEP_SKIPPED,
  STEP_UP_FOR_RETRY,
  MATERIALIZATION,
  EXPECTATION_RESULT,
  LOG_MESSAGE,
  HOOK_COMPLETED,
  HOOK_ERRORED;

  /** Whether the event ends a run. */
  public boolean isRunTerminal() {
    return this == RUN_SUCCEEDED || this == RUN_FAILED || this == RUN_CANCELED;
  }
}
