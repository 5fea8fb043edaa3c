package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.brokenWithInput;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Failures of user code: a {@link UserCodeException} naming solid and step with the original
 * exception as cause; only the downstream of a failure is skipped; the run's failure events, and
 * {@code RunResult.failures()} and {@code orThrow()}.
 */
public abstract class FailuresConformance extends PipelineConformance {

  /** a -> broken -> after -> after_after, and a -> other. */
  private PipelineDefinition branches(Journal ran) {
    PipelineBuilder p = PipelineDefinition.builder("branches");
    SolidNode a = p.add(constant("a", 1, ran));
    SolidNode broken = p.add(brokenWithInput("broken", "boom")).wire(IN, a.output(OUT));
    SolidNode after = p.add(plusOne("after", ran)).wire(IN, broken.output(OUT));
    p.add(plusOne("after_after", ran)).wire(IN, after.output(OUT));
    p.add(plusOne("other", ran)).wire(IN, a.output(OUT));
    return p.build();
  }

  @Test
  void aFailedStepSkipsOnlyItsDownstreamAndIndependentBranchesGoOn() {
    Journal ran = journal("ran");

    RunResult result = execute(branches(ran));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(ran.entries()).containsExactlyInAnyOrder("a", "other");
    assertThat(result.output("other", OUT)).isEqualTo(2);
    assertThat(result.steps()).extracting(s -> s.stepKey(), s -> s.status()).containsExactlyInAnyOrder(
        tuple("a", StepStatus.SUCCESS), tuple("broken", StepStatus.FAILURE), tuple("other", StepStatus.SUCCESS),
        tuple("after", StepStatus.SKIPPED), tuple("after_after", StepStatus.SKIPPED));
    assertThat(result.eventsOf(RunEvent.StepSkipped.class))
        .extracting(RunEvent.StepSkipped::stepKey, RunEvent.StepSkipped::reason)
        .containsExactly(
            tuple("after", "upstream step 'broken' did not succeed"),
            tuple("after_after", "upstream step 'after' did not succeed"));
    assertThat(result.eventsOf(RunEvent.RunFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.failedSteps()).containsExactly("broken");
      assertThat(f.reason()).contains("broken");
    });
  }

  @Test
  void theFailureNamesSolidStepExceptionClassAndMessageWithTheOriginalAsCause() {
    RunResult result = execute(branches(journal("ran")));

    assertThat(result.failures()).containsOnlyKeys("broken");
    Throwable failure = result.failures().get("broken");
    assertThat(failure).isInstanceOfSatisfying(UserCodeException.class, e -> {
      assertThat(e.solidHandle()).isEqualTo("broken");
      assertThat(e.stepKey()).isEqualTo("broken");
    });
    assertThat(failure).hasMessage("Error in solid 'broken' (step 'broken'): java.lang.IllegalStateException: boom")
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.stepKey()).isEqualTo("broken");
      assertThat(f.attempt()).isEqualTo(1);
      assertThat(f.error().className()).isEqualTo(IllegalStateException.class.getName());
      assertThat(f.error().message()).isEqualTo("boom");
      assertThat(f.error().stackTrace()).contains("IllegalStateException: boom");
    });
  }

  @Test
  void orThrowThrowsTheFirstFailureAndReturnsASuccessfulResult() {
    RunResult failed = execute(branches(journal("ran")));
    PipelineBuilder p = PipelineDefinition.builder("ok");
    p.add(constant("a", 1));
    RunResult succeeded = execute(p.build());

    assertThatThrownBy(failed::orThrow).isSameAs(failed.failures().get("broken"));
    assertThat(succeeded.orThrow()).isSameAs(succeeded);
    assertThat(succeeded.failures()).isEmpty();
  }

  @Test
  void checkedExceptionsAndTheirCausesAreKept() {
    PipelineBuilder p = PipelineDefinition.builder("checked");
    p.add(SolidDefinition.builder("read").returning(OUT, (ctx, in) -> {
      throw new IOException("cannot read orders.csv", new FileNotFoundException("orders.csv"));
    }).build());

    RunResult result = execute(p.build());

    assertThat(result.failures().get("read"))
        .hasMessage("Error in solid 'read' (step 'read'): java.io.IOException: cannot read orders.csv")
        .cause().isInstanceOf(IOException.class)
        .cause().isInstanceOf(FileNotFoundException.class).hasMessage("orders.csv");
    ErrorInfo error = result.eventsOf(RunEvent.StepFailed.class).get(0).error();
    assertThat(error.className()).isEqualTo(IOException.class.getName());
    assertThat(error.cause()).isNotNull()
        .extracting(ErrorInfo::className, ErrorInfo::message)
        .containsExactly(FileNotFoundException.class.getName(), "orders.csv");
  }

  @Test
  void everyFailedStepIsReportedInFailureOrder() {
    PipelineBuilder p = PipelineDefinition.builder("two_failures");
    SolidNode first = p.add(constant("first", 1));
    p.add(brokenWithInput("one", "first problem")).wire(IN, first.output(OUT));
    p.add(brokenWithInput("two", "second problem")).wire(IN, first.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("one", "two");
    assertThat(result.eventsOf(RunEvent.RunFailed.class)).singleElement()
        .satisfies(f -> assertThat(f.failedSteps()).containsExactlyInAnyOrder("one", "two"));
    assertThat(result.failures().keySet()).as("failures in the order of their StepFailed events")
        .containsExactlyElementsOf(result.eventsOf(RunEvent.StepFailed.class).stream().map(RunEvent::stepKey).toList());
  }
}
