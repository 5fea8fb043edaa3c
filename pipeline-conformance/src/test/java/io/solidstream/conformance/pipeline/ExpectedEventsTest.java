package io.solidstream.conformance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event normaliser and the expected-sequence assertion, on hand-made event lists. */
class ExpectedEventsTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static RunEvent started() {
    return new RunEvent.RunStarted("r", T, "p", Map.of());
  }

  private static RunEvent succeeded() {
    return new RunEvent.RunSucceeded("r", T, Duration.ofMillis(5));
  }

  private static RunEvent start(String step) {
    return new RunEvent.StepStarted("r", T, step, step, 1);
  }

  private static RunEvent output(String step, String value) {
    return new RunEvent.StepOutput("r", T, step, step, "out", null, "Integer", value);
  }

  private static RunEvent success(String step) {
    return new RunEvent.StepSucceeded("r", T, step, step, Duration.ofMillis(1), 1);
  }

  /** a -> b and a -> c; b and c interleaved in either order. */
  private static ExpectedEvents fanOut() {
    return ExpectedEvents.expect()
        .run("RUN_STARTED p", "RUN_SUCCEEDED")
        .step("a", "STEP_STARTED", "STEP_OUTPUT out=1", "STEP_SUCCEEDED")
        .step("b", "STEP_STARTED", "STEP_OUTPUT out=2", "STEP_SUCCEEDED")
        .step("c", "STEP_STARTED", "STEP_OUTPUT out=3", "STEP_SUCCEEDED")
        .after("b", "a").after("c", "a");
  }

  @Test
  void independentStepsMayInterleaveInAnyOrder() {
    List<RunEvent> interleaved = List.of(started(), start("a"), output("a", "1"), success("a"),
        start("c"), start("b"), output("b", "2"), output("c", "3"), success("c"), success("b"), succeeded());

    fanOut().verify(interleaved);
  }

  @Test
  void aStepStartingBeforeTheOutputItReadsFails() {
    List<RunEvent> early = List.of(started(), start("a"), start("b"), output("a", "1"), success("a"),
        output("b", "2"), success("b"), start("c"), output("c", "3"), success("c"), succeeded());

    assertThatThrownBy(() -> fanOut().verify(early)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("first event of step 'b', which must follow the outputs of 'a'");
  }

  @Test
  void aDifferentStepSequenceFailsNamingTheStepAndListingAllEvents() {
    List<RunEvent> wrongValue = List.of(started(), start("a"), output("a", "1"), success("a"),
        start("b"), output("b", "20"), success("b"), start("c"), output("c", "3"), success("c"), succeeded());

    assertThatThrownBy(() -> fanOut().verify(wrongValue)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("events of step 'b'")
        .hasMessageContaining("STEP_OUTPUT out=20")
        .hasMessageContaining("all events:");
  }

  @Test
  void aMissingOrExtraStepFails() {
    List<RunEvent> withoutC = List.of(started(), start("a"), output("a", "1"), success("a"),
        start("b"), output("b", "2"), success("b"), succeeded());

    assertThatThrownBy(() -> fanOut().verify(withoutC)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("steps with events");
  }

  @Test
  void theRunMustStartWithRunStartedAndEndWithItsOnlyOutcome() {
    List<RunEvent> late = List.of(start("a"), started(), output("a", "1"), success("a"), succeeded());
    List<RunEvent> twice = List.of(started(), start("a"), output("a", "1"), success("a"), succeeded(), succeeded());
    ExpectedEvents one = ExpectedEvents.expect().run("RUN_STARTED p", "RUN_SUCCEEDED")
        .step("a", "STEP_STARTED", "STEP_OUTPUT out=1", "STEP_SUCCEEDED");

    assertThatThrownBy(() -> one.verify(late)).hasMessageContaining("the first event");
    assertThatThrownBy(() -> one.verify(twice)).hasMessageContaining("number of run-terminal events");
  }

  @Test
  void linesLeaveOutTimingAndKeepWhatHappened() {
    ErrorInfo boom = new ErrorInfo(IllegalStateException.class.getName(), "boom", "at ...", null);

    assertThat(List.of(
        NormalizedEvents.line(new RunEvent.StepStarted("r", T, "s", "s", 2)),
        NormalizedEvents.line(new RunEvent.StepSucceeded("r", T, "s", "s", Duration.ofSeconds(3), 2)),
        NormalizedEvents.line(new RunEvent.StepFailed("r", T, "s", "s", boom, 3)),
        NormalizedEvents.line(new RunEvent.StepUpForRetry("r", T, "s", "s", boom, 1, Duration.ofMillis(20))),
        NormalizedEvents.line(new RunEvent.StepOutput("r", T, "s", "s", "items", "k1", "Integer", "7")),
        NormalizedEvents.line(new RunEvent.RunFailed("r", T, "steps failed", List.of("z", "a"), null))))
        .containsExactly(
            "STEP_STARTED attempt=2",
            "STEP_SUCCEEDED attempts=2",
            "STEP_FAILED java.lang.IllegalStateException: boom attempt=3",
            "STEP_UP_FOR_RETRY attempt=1 delay=20ms java.lang.IllegalStateException: boom",
            "STEP_OUTPUT items[k1]=7",
            "RUN_FAILED [a, z]");
  }

  @Test
  void eventsAreGroupedIntoRunLevelAndPerStepInOrder() {
    NormalizedEvents events = NormalizedEvents.of(List.of(started(), start("b"), start("a"), success("b"),
        new RunEvent.LogMessage("r", T, null, null, "ERROR", "Resource 'x' failed to close"), succeeded()));

    assertThat(events.runLevel()).containsExactly("RUN_STARTED p", "LOG_MESSAGE ERROR Resource 'x' failed to close",
        "RUN_SUCCEEDED");
    assertThat(events.steps().keySet()).containsExactly("b", "a");
    assertThat(events.step("b")).containsExactly("STEP_STARTED", "STEP_SUCCEEDED");
    assertThat(events.step("none")).isEmpty();
  }
}
