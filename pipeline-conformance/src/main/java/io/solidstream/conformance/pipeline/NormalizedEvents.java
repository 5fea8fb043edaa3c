package io.solidstream.conformance.pipeline;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's events without what differs between runs and runtimes: one line per event with its type
 * and what happened, without run id, timestamps, durations or stack traces; grouped into the
 * run-level events and each step's events.
 *
 * <p>The lines, by event:
 *
 * <pre>
 * RUN_STARTED two_steps                   RUN_SUCCEEDED
 * RUN_FAILED [broken, other]              RUN_CANCELED
 * STEP_STARTED        STEP_STARTED attempt=2
 * STEP_INPUT in       STEP_OUTPUT out=42   STEP_OUTPUT items[a]=10
 * STEP_SUCCEEDED      STEP_SUCCEEDED attempts=3
 * STEP_FAILED java.lang.IllegalStateException: boom   (with " attempt=3" after the first attempt)
 * STEP_SKIPPED upstream step 'broken' did not succeed
 * STEP_UP_FOR_RETRY attempt=1 delay=20ms java.lang.IllegalStateException: flaky
 * MATERIALIZATION reports/daily            EXPECTATION_RESULT non_empty passed
 * LOG_MESSAGE INFO loaded 3 rows           HOOK_COMPLETED notify
 * HOOK_ERRORED notify java.lang.IllegalStateException: hook broke
 * </pre>
 *
 * <p>Output lines show the value's preview as the runtime recorded it; failed steps in
 * {@code RUN_FAILED} are sorted, since parallel steps may fail in any order.
 */
public final class NormalizedEvents {
  private final List<RunEvent> events;
  private final List<String> runLevel = new ArrayList<>();
  private final Map<String, List<String>> steps = new LinkedHashMap<>();

  private NormalizedEvents(List<? extends RunEvent> events) {
    this.events = List.copyOf(events);
    for (RunEvent event : this.events) {
      if (event.stepKey() == null) {
        runLevel.add(line(event));
      } else {
        steps.computeIfAbsent(event.stepKey(), k -> new ArrayList<>()).add(line(event));
      }
    }
  }

  /** The normalised form of {@code events}, e.g. {@code result.events()} or what a listener saw. */
  public static NormalizedEvents of(List<? extends RunEvent> events) {
    return new NormalizedEvents(events);
  }

  /** The line of one event. */
  public static String line(RunEvent event) {
    String type = event.type().name();
    if (event instanceof RunEvent.RunStarted e) {
      return type + " " + e.pipelineName();
    } else if (event instanceof RunEvent.RunFailed e) {
      List<String> failed = new ArrayList<>(e.failedSteps());
      Collections.sort(failed);
      return type + " " + failed;
    } else if (event instanceof RunEvent.StepStarted e) {
      return e.attempt() == 1 ? type : type + " attempt=" + e.attempt();
    } else if (event instanceof RunEvent.StepInput e) {
      return type + " " + e.inputName();
    } else if (event instanceof RunEvent.StepOutput e) {
      return type + " " + e.outputName() + (e.mappingKey() == null ? "" : "[" + e.mappingKey() + "]")
          + "=" + e.valuePreview();
    } else if (event instanceof RunEvent.StepSucceeded e) {
      return e.attempts() == 1 ? type : type + " attempts=" + e.attempts();
    } else if (event instanceof RunEvent.StepFailed e) {
      return type + " " + error(e.error()) + (e.attempt() == 1 ? "" : " attempt=" + e.attempt());
    } else if (event instanceof RunEvent.StepSkipped e) {
      return type + " " + e.reason();
    } else if (event instanceof RunEvent.StepUpForRetry e) {
      return type + " attempt=" + e.attempt() + " delay=" + e.delay().toMillis() + "ms " + error(e.error());
    } else if (event instanceof RunEvent.AssetMaterialized e) {
      return type + " " + e.materialization().assetKey();
    } else if (event instanceof RunEvent.ExpectationChecked e) {
      return type + " " + e.result().label() + (e.result().success() ? " passed" : " failed");
    } else if (event instanceof RunEvent.LogMessage e) {
      return type + " " + e.level() + " " + e.text();
    } else if (event instanceof RunEvent.HookCompleted e) {
      return type + " " + e.hookName();
    } else if (event instanceof RunEvent.HookErrored e) {
      return type + " " + e.hookName() + " " + error(e.error());
    }
    return type; // RUN_SUCCEEDED, RUN_CANCELED
  }

  private static String error(ErrorInfo error) {
    return error == null ? "(no error)" : error.toString();
  }

  /** The events this was made from, in order. */
  public List<RunEvent> events() {
    return events;
  }

  /** The lines of the run-level events (those without a step), in order. */
  public List<String> runLevel() {
    return Collections.unmodifiableList(runLevel);
  }

  /** The lines of each step's events, in order, by step key in the order steps first appear. */
  public Map<String, List<String>> steps() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    steps.forEach((key, lines) -> copy.put(key, List.copyOf(lines)));
    return Collections.unmodifiableMap(copy);
  }

  /** The lines of one step's events; empty if it has none. */
  public List<String> step(String stepKey) {
    return List.copyOf(steps.getOrDefault(stepKey, List.of()));
  }

  /** Every event as a line, in order, prefixed by its step key: for failure messages. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (RunEvent event : events) {
      text.append(event.stepKey() == null ? "(run)" : event.stepKey()).append(": ").append(line(event)).append('\n');
    }
    return text.toString();
  }
}
