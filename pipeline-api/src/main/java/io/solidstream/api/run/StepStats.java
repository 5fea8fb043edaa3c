package io.solidstream.api.run;

import io.solidstream.api.event.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one step, derived from the run's events.
 *
 * @param stepKey the step
 * @param solidHandle the solid
 * @param status the outcome
 * @param attempts the number of attempts started
 * @param start when the first attempt started, or {@code null} if it never ran
 * @param end when it finished, or {@code null}
 */
public record StepStats(
    String stepKey, String solidHandle, StepStatus status, int attempts, Instant start, Instant end) {

  /** Time from the first start to the end, or zero if it did not finish. */
  public Duration duration() {
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }

  /** The stats of every step in the order steps first appear in {@code events}. */
  public static List<StepStats> fromEvents(List<? extends RunEvent> events) {
    Map<String, StepStats> stats = new LinkedHashMap<>();
    for (RunEvent event : events) {
      String key = event.stepKey();
      if (key == null) {
        continue;
      }
      StepStats current = stats.get(key);
      if (current == null) {
        current = new StepStats(key, event.solidHandle(), StepStatus.IN_PROGRESS, 0, null, null);
      }
      switch (event.type()) {
        case STEP_STARTED -> current = new StepStats(key, current.solidHandle, StepStatus.IN_PROGRESS,
            current.attempts + 1, current.start == null ? event.timestamp() : current.start, null);
        case STEP_SUCCEEDED -> current = new StepStats(key, current.solidHandle, StepStatus.SUCCESS,
            current.attempts, current.start, event.timestamp());
        case STEP_FAILED -> current = new StepStats(key, current.solidHandle, StepStatus.FAILURE,
            current.attempts, current.start, event.timestamp());
        case STEP_SKIPPED -> current = new StepStats(key, current.solidHandle, StepStatus.SKIPPED,
            current.attempts, current.start, event.timestamp());
        default -> {}
      }
      stats.put(key, current);
    }
    return new ArrayList<>(stats.values());
  }
}
