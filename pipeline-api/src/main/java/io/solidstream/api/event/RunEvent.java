package io.solidstream.api.event;

import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.Materialization;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of a run: delivered live to {@link RunEventListener}s and kept in the run result.
 *
 * <p>Every event carries the run id, a timestamp, and for step events the step key and solid
 * handle ({@code null} for run-level events). Events are immutable, serializable records; match
 * on them with {@code instanceof}:
 *
 * <pre>{@code
 * for (RunEvent e : result.events()) {
 *   if (e instanceof RunEvent.StepFailed failed) {
 *     System.out.println(failed.stepKey() + " failed: " + failed.error());
 *   }
 * }
 * }</pre>
 */
public sealed interface RunEvent extends Serializable {

  /** The id of the run. */
  String runId();

  /** When the event happened. */
  Instant timestamp();

  /** The step's key, or {@code null} for run-level events. */
  String stepKey();

  /** The solid's handle, or {@code null} for run-level events. */
  String solidHandle();

  /** The kind of event. */
  EventType type();

  /** A one-line human-readable description. */
  String message();

  /** An event of the whole run, not of a step: {@link #stepKey()} and {@link #solidHandle()} are null. */
  sealed interface RunLevel extends RunEvent {
    @Override
    default String stepKey() {
      return null;
    }

    @Override
    default String solidHandle() {
      return null;
    }
  }

  /** The run started. */
  record RunStarted(String runId, Instant timestamp, String pipelineName, Map<String, String> tags)
      implements RunLevel {
    public RunStarted {
      tags = Map.copyOf(tags);
    }

    @Override
    public EventType type() {
      return EventType.RUN_STARTED;
    }

    @Override
    public String message() {
      return "Started run of pipeline '" + pipelineName + "'";
    }
  }

  /** Every step succeeded (or was skipped because an optional output was not emitted). */
  record RunSucceeded(String runId, Instant timestamp, Duration duration) implements RunLevel {
    @Override
    public EventType type() {
      return EventType.RUN_SUCCEEDED;
    }

    @Override
    public String message() {
      return "Run succeeded in " + duration.toMillis() + " ms";
    }
  }

  /** The run failed: some steps failed, or the run could not start (e.g. a resource). */
  record RunFailed(String runId, Instant timestamp, String reason, List<String> failedSteps, ErrorInfo error)
      implements RunLevel {
    public RunFailed {
      failedSteps = List.copyOf(failedSteps);
    }

    @Override
    public EventType type() {
      return EventType.RUN_FAILED;
    }

    @Override
    public String message() {
      return "Run failed: " + reason;
    }
  }

  /** The run was cancelled; running steps finished or were interrupted, others did not start. */
  record RunCanceled(String runId, Instant timestamp, String reason) implements RunLevel {
    @Override
    public EventType type() {
      return EventType.RUN_CANCELED;
    }

    @Override
    public String message() {
      return "Run cancelled: " + reason;
    }
  }

  /** An attempt of a step started. */
  record StepStarted(String runId, Instant timestamp, String stepKey, String solidHandle, int attempt)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_STARTED;
    }

    @Override
    public String message() {
      return "Started step '" + stepKey + "'" + (attempt > 1 ? " (attempt " + attempt + ")" : "");
    }
  }

  /** A step received an input value, which passed its type check. */
  record StepInput(
      String runId, Instant timestamp, String stepKey, String solidHandle, String inputName, String typeName, String source)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_INPUT;
    }

    @Override
    public String message() {
      return "Got input '" + inputName + "' of type " + typeName + " from " + source;
    }
  }

  /** A step emitted an output value, which passed its type check. */
  record StepOutput(
      String runId,
      Instant timestamp,
      String stepKey,
      String solidHandle,
      String outputName,
      String mappingKey,
      String typeName,
      String valuePreview)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_OUTPUT;
    }

    @Override
    public String message() {
      return "Yielded output '" + outputName + "'" + (mappingKey == null ? "" : "[" + mappingKey + "]")
          + " of type " + typeName;
    }
  }

  /** A step succeeded. */
  record StepSucceeded(String runId, Instant timestamp, String stepKey, String solidHandle, Duration duration, int attempts)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_SUCCEEDED;
    }

    @Override
    public String message() {
      return "Finished step '" + stepKey + "' in " + duration.toMillis() + " ms";
    }
  }

  /** A step failed for good (no retry left). */
  record StepFailed(String runId, Instant timestamp, String stepKey, String solidHandle, ErrorInfo error, int attempt)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_FAILED;
    }

    @Override
    public String message() {
      return "Step '" + stepKey + "' failed (attempt " + attempt + "): " + error;
    }
  }

  /** A step did not run: an upstream step failed, or an optional input it needs was not emitted. */
  record StepSkipped(String runId, Instant timestamp, String stepKey, String solidHandle, String reason)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_SKIPPED;
    }

    @Override
    public String message() {
      return "Skipped step '" + stepKey + "': " + reason;
    }
  }

  /** An attempt of a step failed and the step will be tried again after {@code delay}. */
  record StepUpForRetry(
      String runId, Instant timestamp, String stepKey, String solidHandle, ErrorInfo error, int attempt, Duration delay)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.STEP_UP_FOR_RETRY;
    }

    @Override
    public String message() {
      return "Step '" + stepKey + "' failed on attempt " + attempt + " and will be retried in "
          + delay.toMillis() + " ms: " + error;
    }
  }

  /** A step materialized an asset. */
  record AssetMaterialized(String runId, Instant timestamp, String stepKey, String solidHandle, Materialization materialization)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.MATERIALIZATION;
    }

    @Override
    public String message() {
      return "Materialized " + materialization.assetKey()
          + (materialization.description().isEmpty() ? "" : ": " + materialization.description());
    }
  }

  /** A step checked an expectation. */
  record ExpectationChecked(String runId, Instant timestamp, String stepKey, String solidHandle, ExpectationResult result)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.EXPECTATION_RESULT;
    }

    @Override
    public String message() {
      return "Expectation '" + result.label() + "' " + (result.success() ? "passed" : "failed")
          + (result.description().isEmpty() ? "" : ": " + result.description());
    }
  }

  /** User code logged a message through the context's logger. */
  record LogMessage(String runId, Instant timestamp, String stepKey, String solidHandle, String level, String text)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.LOG_MESSAGE;
    }

    @Override
    public String message() {
      return level + " " + text;
    }
  }

  /** A hook ran without error. */
  record HookCompleted(String runId, Instant timestamp, String stepKey, String solidHandle, String hookName)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.HOOK_COMPLETED;
    }

    @Override
    public String message() {
      return "Hook '" + hookName + "' completed";
    }
  }

  /** A hook threw; the step's outcome is unchanged. */
  record HookErrored(String runId, Instant timestamp, String stepKey, String solidHandle, String hookName, ErrorInfo error)
      implements RunEvent {
    @Override
    public EventType type() {
      return EventType.HOOK_ERRORED;
    }

    @Override
    public String message() {
      return "Hook '" + hookName + "' failed: " + error;
    }
  }
}
