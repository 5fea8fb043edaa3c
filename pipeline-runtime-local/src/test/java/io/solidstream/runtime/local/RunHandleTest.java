package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunHandleTest {

  /** gate (waits for {@code release}) -> after. */
  private static PipelineDefinition gated(CountDownLatch started, CountDownLatch release) {
    PipelineBuilder p = PipelineDefinition.builder("gated");
    SolidNode gate = p.add(SolidDefinition.builder("gate").returning(OUT, (ctx, in) -> {
      started.countDown();
      return release.await(5, TimeUnit.SECONDS) ? 1 : -1;
    }).build());
    p.add(TestSolids.plusOne("after")).wire(IN, gate.output(OUT));
    return p.build();
  }

  private static final LocalRuntime RUNTIME = LocalRuntime.builder().checkSerializable(false).build();

  @Test
  void submitReturnsAtOnceAndTheHandleFollowsTheRun() throws Exception {
    // Given a run blocked in its first step
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RunHandle handle = RUNTIME.submit(gated(started, release), RunRequest.builder().runId("r1").build());
    assertThat(handle.runId()).isEqualTo("r1");
    assertThat(handle.status()).isIn(RunStatus.NOT_STARTED, RunStatus.STARTED);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    // While it runs
    assertThat(handle.status()).isEqualTo(RunStatus.STARTED);
    assertThat(handle.isDone()).isFalse();
    assertThat(handle.await(Duration.ofMillis(20))).isEmpty();
    assertThat(handle.completion()).isNotDone();

    // When it is released
    release.countDown();
    RunResult result = handle.completion().get(5, TimeUnit.SECONDS);

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("after", OUT)).isEqualTo(2);
    assertThat(handle.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(handle.isDone()).isTrue();
    assertThat(handle.await()).isSameAs(result);
    assertThat(handle.await(Duration.ZERO)).containsSame(result);
  }

  @Test
  void failedRunCompletesNormallyWithAFailureResult() throws Exception {
    PipelineBuilder p = PipelineDefinition.builder("fails");
    p.add(SolidDefinition.builder("bad").returning(OUT, (ctx, in) -> {
      throw new IllegalStateException("bad");
    }).build());

    RunHandle handle = RUNTIME.submit(p.build(), RunRequest.defaults());
    RunResult result = handle.completion().get(5, TimeUnit.SECONDS);

    assertThat(handle.completion()).isNotCompletedExceptionally();
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(handle.status()).isEqualTo(RunStatus.FAILURE);
  }

  @Test
  void interruptedAwaitThrowsButTheRunGoesOn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RunHandle handle = RUNTIME.submit(gated(started, release), RunRequest.defaults());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    Thread.currentThread().interrupt();
    assertThatThrownBy(handle::await).isInstanceOf(CancellationException.class);
    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();

    release.countDown();
    assertThat(handle.await(Duration.ofSeconds(5))).hasValueSatisfying(r -> assertThat(r.success()).isTrue());
  }

  @Test
  void runsWithoutRunIdGetDistinctIds() {
    PipelineBuilder p = PipelineDefinition.builder("ids");
    p.add(TestSolids.source("a", 1, new ArrayList<>()));
    PipelineDefinition pipeline = p.build();

    RunResult first = RUNTIME.execute(pipeline);
    RunResult second = RUNTIME.execute(pipeline);

    assertThat(first.runId()).isNotBlank().isNotEqualTo(second.runId());
    assertThat(first.events()).allSatisfy(e -> assertThat(e.runId()).isEqualTo(first.runId()));
  }

  @Test
  void oneRuntimeRunsManyPipelinesAtOnce() {
    // Given five runs that each wait until all five have started
    CountDownLatch allStarted = new CountDownLatch(5);
    PipelineBuilder p = PipelineDefinition.builder("together");
    p.add(SolidDefinition.builder("meet").returning(OUT, (ctx, in) -> {
      allStarted.countDown();
      return allStarted.await(5, TimeUnit.SECONDS) ? 1 : 0;
    }).build());
    PipelineDefinition pipeline = p.build();

    // When
    List<RunHandle> handles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      handles.add(RUNTIME.submit(pipeline, RunRequest.defaults()));
    }

    // Then
    for (RunHandle handle : handles) {
      RunResult result = handle.await(Duration.ofSeconds(10)).orElseThrow();
      assertThat(result.output("meet", OUT)).isEqualTo(1);
    }
  }
}
