package io.solidstream.conformance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected event stream of a run, modulo timing and parallel ordering, compared with the
 * {@linkplain NormalizedEvents normalised} actual one.
 *
 * <p>{@link #verify} checks that:
 *
 * <ol>
 *   <li>the first event is {@code RUN_STARTED} and the last is the only run-terminal event
 *       ({@code RUN_SUCCEEDED}, {@code RUN_FAILED} or {@code RUN_CANCELED});
 *   <li>the run-level events (those without a step) are exactly the expected ones, in order;
 *   <li>exactly the expected steps have events, and each step's events are exactly the expected
 *       ones, in order;
 *   <li>for every {@link #after(String, String...) dependency}, the dependent step's first event
 *       follows the upstream step's last {@code STEP_OUTPUT} (or, if it emitted none, its last
 *       {@code STEP_SUCCEEDED}, {@code STEP_FAILED} or {@code STEP_SKIPPED}).
 * </ol>
 *
 * <p>How the steps' events interleave is otherwise free, so the same expectation holds for a
 * sequential and a parallel runtime.
 *
 * <pre>{@code
 * ExpectedEvents.expect()
 *     .run("RUN_STARTED two_steps", "RUN_SUCCEEDED")
 *     .step("first", "STEP_STARTED", "STEP_INPUT start", "STEP_OUTPUT out=42", "STEP_SUCCEEDED")
 *     .step("second", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=43", "STEP_SUCCEEDED")
 *     .after("second", "first")
 *     .verify(result);
 * }</pre>
 */
public final class ExpectedEvents {
  private final List<String> runLevel = new ArrayList<>();
  private final Map<String, List<String>> steps = new LinkedHashMap<>();
  private final Map<String, List<String>> upstream = new LinkedHashMap<>();

  private ExpectedEvents() {}

  /** An empty expectation to add the run's and the steps' events to. */
  public static ExpectedEvents expect() {
    return new ExpectedEvents();
  }

  /** The run-level events, in order, from {@code RUN_STARTED <pipeline>} to the terminal one. */
  public ExpectedEvents run(String... lines) {
    runLevel.addAll(List.of(lines));
    return this;
  }

  /** The events of the step {@code stepKey}, in order. */
  public ExpectedEvents step(String stepKey, String... lines) {
    if (steps.containsKey(stepKey)) {
      throw new IllegalArgumentException("The events of step '" + stepKey + "' were already given: "
          + steps.get(stepKey));
    }
    steps.put(stepKey, List.of(lines));
    return this;
  }

  /** The events of {@code stepKey} all follow the outputs of each of {@code upstreamSteps}. */
  public ExpectedEvents after(String stepKey, String... upstreamSteps) {
    upstream.computeIfAbsent(stepKey, k -> new ArrayList<>()).addAll(List.of(upstreamSteps));
    return this;
  }

  /** Verifies the events of {@code result}. */
  public void verify(RunResult result) {
    verify(result.events());
  }

  /** Verifies {@code events}, e.g. those a listener received. */
  public void verify(List<? extends RunEvent> events) {
    NormalizedEvents actual = NormalizedEvents.of(events);
    String all = "\nall events:\n" + actual;
    assertThat(events).as("events of the run").isNotEmpty();
    assertThat(events.get(0).type()).as("the first event" + all).isEqualTo(EventType.RUN_STARTED);
    assertThat(events.get(events.size() - 1).type().isRunTerminal()).as("the last event is run-terminal" + all).isTrue();
    assertThat(events.stream().filter(e -> e.type().isRunTerminal()).count())
        .as("number of run-terminal events" + all).isEqualTo(1);
    assertThat(actual.runLevel()).as("run-level events" + all).containsExactlyElementsOf(runLevel);
    assertThat(actual.steps().keySet()).as("steps with events" + all).containsExactlyInAnyOrderElementsOf(steps.keySet());
    steps.forEach((key, lines) ->
        assertThat(actual.step(key)).as("events of step '" + key + "'" + all).containsExactlyElementsOf(lines));
    upstream.forEach((key, producers) -> {
      int first = firstIndex(events, key);
      for (String producer : producers) {
        int ready = readyIndex(events, producer);
        assertThat(first).as("position of the first event of step '" + key + "', which must follow the outputs of '"
            + producer + "' (at " + ready + ")" + all).isGreaterThan(ready);
      }
    });
  }

  private static int firstIndex(List<? extends RunEvent> events, String stepKey) {
    for (int i = 0; i < events.size(); i++) {
      if (stepKey.equals(events.get(i).stepKey())) {
        return i;
      }
    }
    throw new AssertionError("step '" + stepKey + "' has no events");
  }

  /** The index of the producer's last output, or of its last outcome if it emitted none. */
  private static int readyIndex(List<? extends RunEvent> events, String producer) {
    int lastOutput = -1;
    int lastOutcome = -1;
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      if (producer.equals(event.stepKey())) {
        switch (event.type()) {
          case STEP_OUTPUT -> lastOutput = i;
          case STEP_SUCCEEDED, STEP_FAILED, STEP_SKIPPED -> lastOutcome = i;
          default -> {}
        }
      }
    }
    int ready = lastOutput >= 0 ? lastOutput : lastOutcome;
    if (ready < 0) {
      throw new AssertionError("step '" + producer + "' neither emitted an output nor finished");
    }
    return ready;
  }
}
