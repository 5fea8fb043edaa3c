package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Cancellation: a run cancelled while a step runs, cooperatively or blocked, or while a step
 * waits to be retried, ends promptly as {@code CANCELED}; the events of what ran before the cancel
 * are kept; later steps never start, resources are closed and failure hooks stay quiet; a cancel
 * after the end changes nothing.
 */
public abstract class CancellationConformance extends PipelineConformance {
  static final ResourceKey<Journal> LOG = ResourceKey.of("log", Journal.class);

  /** How long a cancelled run may take to end: far less than what the steps would wait. */
  static final Duration PROMPTLY = Duration.ofSeconds(30);

  /** A step that journals "started NAME", then waits (up to 10 minutes) for an entry that never comes. */
  static SolidDefinition blocking(String name, Journal journal) {
    return SolidDefinition.builder(name).returning(OUT, (ctx, in) -> {
      journal.write("started " + name);
      journal.await("never", () -> false, Duration.ofMinutes(10)); // interrupted by cancel()
      journal.write("unblocked " + name);
      return 1;
    }).build();
  }

  private RunResult awaitCancelled(RunHandle handle) {
    return handle.await(PROMPTLY).orElseThrow(() -> new AssertionError(
        "the cancelled run " + handle.runId() + " did not end within " + PROMPTLY.toSeconds() + " s"));
  }

  @Test
  void cancelWhileAStepRunsStopsTheRunClosesResourcesAndStartsNothingElse() {
    // Given a run whose first step, which opened a resource, is blocked
    Journal journal = journal("cancel");
    PipelineBuilder p = PipelineDefinition.builder("cancellable")
        .resource(LOG, ResourceDefinition.builder(ctx -> journal).closer(j -> j.write("closed log")).build());
    SolidNode first = p.add(SolidDefinition.builder("blocking").requires(LOG).returning(OUT, (ctx, in) -> {
      ctx.resource(LOG).write("started blocking");
      journal.await("never", () -> false, Duration.ofMinutes(10));
      return 1;
    }).build());
    p.add(plusOne("after", journal)).wire(IN, first.output(OUT));
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("started blocking", runTimeout());

    // When
    handle.cancel();
    RunResult result = awaitCancelled(handle);

    // Then the later step never started, the run is cancelled, the resource was closed
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(handle.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(journal.entries()).containsExactly("started blocking", "closed log");
    assertThat(result.eventsFor("after")).extracting(RunEvent::type).doesNotContain(EventType.STEP_STARTED);
    assertThat(result.events()).last().isInstanceOf(RunEvent.RunCanceled.class);
    assertThat(result.events()).extracting(RunEvent::type).doesNotContain(EventType.RUN_SUCCEEDED, EventType.RUN_FAILED);
    assertThatThrownBy(result::orThrow).isInstanceOf(CancellationException.class)
        .hasMessageContaining("was cancelled");
  }

  @Test
  void theEventsOfWhatRanBeforeTheCancelAreInTheResult() {
    // Given a step that succeeded, then a step that logged and blocks
    Journal journal = journal("cancel");
    PipelineBuilder p = PipelineDefinition.builder("before_cancel");
    SolidNode first = p.add(constant("first", 1));
    p.add(SolidDefinition.builder("waiting").input(IN).returning(OUT, (ctx, in) -> {
      ctx.log().info("waiting for {}", "never");
      journal.write("started waiting");
      journal.await("never", () -> false, Duration.ofMinutes(10));
      return 1;
    }).build()).wire(IN, first.output(OUT));
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("started waiting", runTimeout());

    // When
    handle.cancel();
    RunResult result = awaitCancelled(handle);

    // Then the listeners and the result have every event emitted before the cancel
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.eventsFor("first")).extracting(RunEvent::type)
        .containsSubsequence(EventType.STEP_STARTED, EventType.STEP_OUTPUT, EventType.STEP_SUCCEEDED);
    assertThat(result.eventsFor("waiting")).extracting(RunEvent::type)
        .containsSubsequence(EventType.STEP_STARTED, EventType.LOG_MESSAGE);
    assertThat(result.eventsOf(RunEvent.LogMessage.class)).extracting(RunEvent.LogMessage::text)
        .contains("waiting for never");
  }

  @Test
  void failureHooksDoNotFireForAStepStoppedByCancellation() {
    Journal journal = journal("cancel");
    PipelineBuilder p = PipelineDefinition.builder("alerting");
    p.add(blocking("blocking", journal)).hook(HookDefinition.onFailure("alert", ctx -> journal.write("alert")));
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("started blocking", runTimeout());

    handle.cancel();
    RunResult result = awaitCancelled(handle);

    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(journal.entries()).doesNotContain("alert");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).isEmpty();
    assertThat(result.eventsOf(RunEvent.HookErrored.class)).isEmpty();
  }

  @Test
  void aCooperativeStepSeesTheCancellationAndLaterStepsNeverStart() {
    // Given a step that works until the run is cancelled
    Journal journal = journal("cancel");
    PipelineBuilder p = PipelineDefinition.builder("cooperative");
    SolidNode worker = p.add(SolidDefinition.builder("worker").returning(OUT, (ctx, in) -> {
      journal.write("started worker");
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!ctx.isCancelled() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      journal.write("worker saw cancelled=" + ctx.isCancelled());
      return 1;
    }).build());
    p.add(plusOne("after", journal)).wire(IN, worker.output(OUT));
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("started worker", runTimeout());

    // When
    handle.cancel();
    RunResult result = awaitCancelled(handle);

    // Then
    assertThat(journal.entries()).containsExactly("started worker", "worker saw cancelled=true");
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.eventsOf(RunEvent.RunCanceled.class)).hasSize(1);
    assertThat(result.eventsFor("after")).extracting(RunEvent::type).doesNotContain(EventType.STEP_STARTED);
  }

  @Test
  void cancelWhileAStepWaitsToBeRetriedEndsTheRunWithoutWaiting() {
    // Given a step that fails and would wait ten minutes before its second attempt
    Journal journal = journal("cancel");
    PipelineBuilder p = PipelineDefinition.builder("retry_cancel");
    p.add(SolidDefinition.builder("slow_retry")
        .retryPolicy(RetryPolicy.maxAttempts(2).withDelay(Duration.ofMinutes(10)))
        .returning(OUT, (ctx, in) -> {
          journal.write("attempt " + ctx.attempt());
          throw new IllegalStateException("fail");
        }).build());
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("attempt 1", runTimeout());

    // When
    handle.cancel();
    RunResult result = awaitCancelled(handle);

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(journal.entries()).containsExactly("attempt 1");
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).hasSize(1);
  }

  @Test
  void cancelAfterTheRunFinishedChangesNothing() {
    PipelineBuilder p = PipelineDefinition.builder("done");
    p.add(constant("a", 1));
    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    RunResult result = await(handle);

    handle.cancel();

    assertThat(handle.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(await(handle).events()).isEqualTo(result.events());
    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.RunCanceled.class)).isEmpty();
  }

  @Test
  void cancelRightAfterSubmitAlwaysEndsTheRun() {
    PipelineBuilder p = PipelineDefinition.builder("many");
    for (int i = 0; i < 4; i++) {
      p.add(constant("s" + i, i));
    }
    PipelineDefinition pipeline = p.build();

    for (int i = 0; i < 3; i++) {
      // When
      RunHandle handle = runtime().submit(pipeline, RunRequest.defaults());
      handle.cancel();

      // Then the run ends, cancelled or (if it was faster than the cancel) successful
      RunResult result = awaitCancelled(handle);
      assertThat(result.status()).isIn(RunStatus.CANCELED, RunStatus.SUCCESS);
      assertThat(result.events()).last().extracting(RunEvent::type)
          .isIn(EventType.RUN_CANCELED, EventType.RUN_SUCCEEDED);
    }
  }
}
