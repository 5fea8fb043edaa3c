package io.solidstream.api.run;

import io.solidstream.api.event.RunEvent;
import java.util.List;

/** The status of a run, derived from its events. */
public enum RunStatus {
  /** Submitted, no event yet. */
  NOT_STARTED,
  /** Started and not finished. */
  STARTED,
  /** Finished, every executed step succeeded. */
  SUCCESS,
  /** Finished, some step failed or the run could not start. */
  FAILURE,
  /** Cancelled before it finished. */
  CANCELED;

  /** Whether the run has finished. */
  public boolean isDone() {
    return this == SUCCESS || this == FAILURE || this == CANCELED;
  }

  /** The status told by a run's events: the last run-level event decides. */
  public static RunStatus fromEvents(List<? extends RunEvent> events) {
    RunStatus status = NOT_STARTED;
    for (RunEvent event : events) {
      switch (event.type()) {
        case RUN_STARTED -> status = STARTED;
        case RUN_SUCCEEDED -> status = SUCCESS;
        case RUN_FAILED -> status = FAILURE;
        case RUN_CANCELED -> status = CANCELED;
        default -> {}
      }
    }
    return status;
  }
}
