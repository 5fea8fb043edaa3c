package io.solidstream.testkit;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.OutputDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * AssertJ assertions on a {@link RunResult}, with failure messages that show what the run did
 * (failed steps with their errors, the step table) instead of just "expected true".
 *
 * <pre>{@code
 * assertThat(result).succeeded()
 *     .hasOutput("aggregate", TOTALS, Map.of("c1", 30L))
 *     .stepWasSkipped("report")
 *     .hasMaterialization(AssetKey.of("reports", "orders"));
 * }</pre>
 */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

  RunResultAssert(RunResult actual) {
    super(actual, RunResultAssert.class);
  }

  /** The run finished and every executed step succeeded. */
  public RunResultAssert succeeded() {
    isNotNull();
    if (!actual.success()) {
      failWithMessage("Expected run %s of pipeline '%s' to succeed, but it ended %s.%n%s",
          actual.runId(), actual.pipelineName(), actual.status(), describe(actual));
    }
    return this;
  }

  /** The run ended with status FAILURE. */
  public RunResultAssert failed() {
    return hasStatus(RunStatus.FAILURE);
  }

  /** The run was cancelled. */
  public RunResultAssert wasCancelled() {
    return hasStatus(RunStatus.CANCELED);
  }

  /** The run ended with {@code status}. */
  public RunResultAssert hasStatus(RunStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("Expected run %s to end %s, but it ended %s.%n%s", actual.runId(), status,
          actual.status(), describe(actual));
    }
    return this;
  }

  /** Output {@code output} of {@code solid} equals {@code expected}. */
  public <T> RunResultAssert hasOutput(String solid, OutputDef<T> output, T expected) {
    isNotNull();
    if (!actual.hasOutput(solid, output.name())) {
      failWithMessage("Expected output '%s' of solid '%s', but the run has none.%n%s", output.name(), solid,
          describe(actual));
    }
    T value = actual.output(solid, output);
    Assertions.assertThat(value).as("output '%s' of solid '%s'", output.name(), solid).isEqualTo(expected);
    return this;
  }

  /** Assertions on output {@code output} of {@code solid}. */
  public <T> ObjectAssert<T> output(String solid, OutputDef<T> output) {
    isNotNull();
    if (!actual.hasOutput(solid, output.name())) {
      failWithMessage("Expected output '%s' of solid '%s', but the run has none.%n%s", output.name(), solid,
          describe(actual));
    }
    return Assertions.assertThat(actual.output(solid, output)).as("output '%s' of solid '%s'", output.name(), solid);
  }

  /** The step with {@code stepKey} succeeded. */
  public RunResultAssert stepSucceeded(String stepKey) {
    return stepHasStatus(stepKey, StepStatus.SUCCESS);
  }

  /** The step with {@code stepKey} failed. */
  public RunResultAssert stepFailed(String stepKey) {
    return stepHasStatus(stepKey, StepStatus.FAILURE);
  }

  /** The step with {@code stepKey} was skipped. */
  public RunResultAssert stepWasSkipped(String stepKey) {
    return stepHasStatus(stepKey, StepStatus.SKIPPED);
  }

  /** The step with {@code stepKey} never produced an event (e.g. outside the solid selection). */
  public RunResultAssert stepDidNotRun(String stepKey) {
    isNotNull();
    Optional<StepStats> step = actual.step(stepKey);
    if (step.isPresent()) {
      failWithMessage("Expected step '%s' not to run, but it ended %s.%n%s", stepKey, step.get().status(),
          describe(actual));
    }
    return this;
  }

  private RunResultAssert stepHasStatus(String stepKey, StepStatus status) {
    isNotNull();
    Optional<StepStats> step = actual.step(stepKey);
    if (step.isEmpty()) {
      failWithMessage("Expected step '%s' to end %s, but it has no events; steps: %s", stepKey, status,
          actual.steps().stream().map(StepStats::stepKey).collect(Collectors.toList()));
    } else if (step.get().status() != status) {
      failWithMessage("Expected step '%s' to end %s, but it ended %s.%n%s", stepKey, status, step.get().status(),
          describe(actual));
    }
    return this;
  }

  /** The events of {@code solid}, in order, include {@code types} in this order (others may be between). */
  public RunResultAssert hasEventSequence(String solid, EventType... types) {
    isNotNull();
    List<EventType> seen = actual.eventsFor(solid).stream().map(RunEvent::type).collect(Collectors.toList());
    int next = 0;
    for (EventType type : seen) {
      if (next < types.length && type == types[next]) {
        next++;
      }
    }
    if (next < types.length) {
      failWithMessage("Expected the events of solid '%s' to contain %s in this order, but they were %s", solid,
          List.of(types), seen);
    }
    return this;
  }

  /** Some step materialized {@code assetKey}. */
  public RunResultAssert hasMaterialization(AssetKey assetKey) {
    isNotNull();
    List<AssetKey> keys = actual.eventsOf(RunEvent.AssetMaterialized.class).stream()
        .map(e -> e.materialization().assetKey()).collect(Collectors.toList());
    if (!keys.contains(assetKey)) {
      failWithMessage("Expected a materialization of %s, but the run materialized %s", assetKey, keys);
    }
    return this;
  }

  /** The expectation {@code label} was checked and failed. */
  public RunResultAssert hasFailedExpectation(String label) {
    return hasExpectation(label, false);
  }

  /** The expectation {@code label} was checked and passed. */
  public RunResultAssert hasPassedExpectation(String label) {
    return hasExpectation(label, true);
  }

  private RunResultAssert hasExpectation(String label, boolean success) {
    isNotNull();
    List<String> all = new ArrayList<>();
    for (RunEvent.ExpectationChecked event : actual.eventsOf(RunEvent.ExpectationChecked.class)) {
      if (event.result().label().equals(label) && event.result().success() == success) {
        return this;
      }
      all.add(event.result().label() + (event.result().success() ? " passed" : " failed"));
    }
    failWithMessage("Expected expectation '%s' to have %s, but the run checked %s", label,
        success ? "passed" : "failed", all);
    return this;
  }

  /** A readable account of a run: failed steps with their errors, then the step table. */
  static String describe(RunResult result) {
    StringBuilder text = new StringBuilder();
    for (RunEvent.StepFailed failed : result.eventsOf(RunEvent.StepFailed.class)) {
      text.append("  step '").append(failed.stepKey()).append("' failed: ").append(failed.error()).append('\n');
    }
    for (RunEvent.RunFailed failed : result.eventsOf(RunEvent.RunFailed.class)) {
      text.append("  run failed: ").append(failed.reason()).append('\n');
    }
    text.append("  steps:");
    for (StepStats step : result.steps()) {
      text.append("\n    ").append(step.stepKey()).append(": ").append(step.status())
          .append(step.attempts() > 1 ? " after " + step.attempts() + " attempts" : "");
    }
    return text.toString();
  }
}
