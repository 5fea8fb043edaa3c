package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static io.solidstream.runtime.local.TestSolids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancellationTest {
  static final ResourceKey<StringBuilder> LOG = ResourceKey.of("log", StringBuilder.class);

  /** A pipeline "blocking -> after"; blocking uses a resource and waits on {@code release}. */
  private static PipelineDefinition blockingPipeline(
      CountDownLatch started, CountDownLatch release, List<String> closed, List<String> ran) {
    SolidDefinition blocking = SolidDefinition.builder("blocking").requires(LOG)
        .returning(OUT, (ctx, in) -> {
          ctx.resource(LOG).append("used");
          started.countDown();
          release.await(); // interrupted by cancel()
          return 1;
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("cancellable")
        .resource(LOG, ResourceDefinition.builder(ctx -> new StringBuilder())
            .closer(sb -> closed.add("log")).build());
    SolidNode first = p.add(blocking);
    p.add(plusOne("after", ran)).wire(IN, first.output(OUT));
    return p.build();
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void cancelWhileAStepRunsStopsTheRunAndClosesResources(int threads) throws Exception {
    // Given a run whose first step is blocked
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> closed = Collections.synchronizedList(new ArrayList<>());
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    LocalRuntime runtime = LocalRuntime.builder().maxConcurrent(threads).checkSerializable(false).build();
    RunHandle handle = runtime.submit(blockingPipeline(started, release, closed, ran), RunRequest.defaults());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    // When
    handle.cancel();
    RunResult result = handle.await(Duration.ofSeconds(5)).orElseThrow();

    // Then the later step never started, the run is cancelled, the resource was closed
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(handle.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(ran).isEmpty();
    assertThat(result.eventsFor("after")).extracting(RunEvent::type).doesNotContain(EventType.STEP_STARTED);
    assertThat(result.events()).last().isInstanceOf(RunEvent.RunCanceled.class);
    assertThat(closed).containsExactly("log");
  }

  @Test
  void failureHooksDoNotFireForAStepStoppedByCancellation() throws Exception {
    // Given a blocked step with a failure hook
    CountDownLatch started = new CountDownLatch(1);
    List<String> alerts = Collections.synchronizedList(new ArrayList<>());
    SolidDefinition blocking = SolidDefinition.builder("blocking")
        .returning(OUT, (ctx, in) -> {
          started.countDown();
          new CountDownLatch(1).await();
          return 1;
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("alerting");
    p.add(blocking).hook(io.solidstream.api.pipeline.HookDefinition.onFailure("alert", ctx -> alerts.add(ctx.stepKey())));
    RunHandle handle = LocalRuntime.builder().checkSerializable(false).build().submit(p.build(), RunRequest.defaults());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    // When the run is cancelled
    handle.cancel();
    RunResult result = handle.await(Duration.ofSeconds(5)).orElseThrow();

    // Then no alert was raised for the interrupted step
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(alerts).isEmpty();
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).isEmpty();
  }

  @Test
  void cooperativeStepSeesCancellationAndLaterStepsNeverStart() throws Exception {
    // Given a step that works until the run is cancelled
    CountDownLatch started = new CountDownLatch(1);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> sawCancel = Collections.synchronizedList(new ArrayList<>());
    SolidDefinition worker = SolidDefinition.builder("worker").returning(OUT, (ctx, in) -> {
      started.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!ctx.isCancelled() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      sawCancel.add(ctx.isCancelled());
      return 1;
    }).build();
    PipelineBuilder p = PipelineDefinition.builder("cooperative");
    SolidNode first = p.add(worker);
    p.add(plusOne("after", ran)).wire(IN, first.output(OUT));
    RunHandle handle = LocalRuntime.builder().checkSerializable(false).build().submit(p.build(), RunRequest.defaults());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    // When
    handle.cancel();
    RunResult result = handle.await();

    // Then
    assertThat(sawCancel).containsExactly(true);
    assertThat(ran).isEmpty();
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.eventsOf(RunEvent.RunCanceled.class)).hasSize(1);
    assertThat(result.events()).extracting(RunEvent::type)
        .doesNotContain(EventType.RUN_SUCCEEDED, EventType.RUN_FAILED);
  }

  @Test
  void cancelAfterTheRunFinishedChangesNothing() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("done");
    p.add(TestSolids.source("a", 1, ran));
    RunHandle handle = LocalRuntime.create().submit(p.build(), RunRequest.defaults());
    RunResult result = handle.await();

    handle.cancel();

    assertThat(handle.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(handle.await()).isSameAs(result);
    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.RunCanceled.class)).isEmpty();
  }

  @Test
  void cancelRightAfterSubmitAlwaysEndsTheRun() {
    // Given many independent steps on a pool (a cancel may hit a step that was handed to the pool
    // but has not started yet)
    PipelineBuilder p = PipelineDefinition.builder("many");
    for (int i = 0; i < 8; i++) {
      p.add(SolidDefinition.builder("s" + i).returning(OUT, (ctx, in) -> 1).build());
    }
    PipelineDefinition pipeline = p.build();
    LocalRuntime runtime = LocalRuntime.builder().maxConcurrent(4).build();

    for (int i = 0; i < 300; i++) {
      // When
      RunHandle handle = runtime.submit(pipeline, RunRequest.defaults());
      handle.cancel();

      // Then the run finishes, cancelled or (if it was faster than the cancel) successful
      RunResult result = handle.await(Duration.ofSeconds(5)).orElse(null);
      assertThat(result).as("run %d did not finish after cancel()", i).isNotNull();
      assertThat(result.status()).isIn(RunStatus.CANCELED, RunStatus.SUCCESS);
    }
  }
}
