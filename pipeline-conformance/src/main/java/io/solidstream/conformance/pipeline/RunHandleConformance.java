package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.broken;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code RunHandle} of a submitted run: {@code submit} returns at once, the status follows the
 * run, {@code await} with and without timeout, the completion future, an interrupted wait, and
 * several runs of one runtime at the same time.
 */
public abstract class RunHandleConformance extends PipelineConformance {
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);

  /** gate (journals "started", waits for "release") -> after. */
  static PipelineDefinition gated(Journal journal) {
    PipelineBuilder p = PipelineDefinition.builder("gated");
    SolidNode gate = p.add(SolidDefinition.builder("gate").returning(OUT, (ctx, in) -> {
      journal.write("started");
      return journal.await("release", ctx::isCancelled, Duration.ofMinutes(2)) ? 1 : -1;
    }).build());
    p.add(plusOne("after")).wire(IN, gate.output(OUT));
    return p.build();
  }

  @Test
  void submitReturnsAtOnceAndTheHandleFollowsTheRun() throws Exception {
    // Given a run blocked in its first step
    Journal journal = journal("gate");
    RunHandle handle = runtime().submit(gated(journal), RunRequest.builder().runId("r1").build());
    assertThat(handle.runId()).isEqualTo("r1");
    assertThat(handle.status()).isIn(RunStatus.NOT_STARTED, RunStatus.STARTED);
    journal.awaitEntry("started", runTimeout());

    // While it runs
    assertThat(handle.status()).isEqualTo(RunStatus.STARTED);
    assertThat(handle.isDone()).isFalse();
    assertThat(handle.await(Duration.ofMillis(20))).isEmpty();
    assertThat(handle.completion()).isNotDone();

    // When it is released
    journal.write("release");
    RunResult result = handle.completion().get(runTimeout().toSeconds(), TimeUnit.SECONDS);

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.runId()).isEqualTo("r1");
    assertThat(result.output("after", OUT)).isEqualTo(2);
    assertThat(handle.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(handle.isDone()).isTrue();
    assertThat(handle.await().events()).isEqualTo(result.events());
    assertThat(handle.await(Duration.ZERO)).hasValueSatisfying(r -> assertThat(r.events()).isEqualTo(result.events()));
  }

  @Test
  void aFailedRunCompletesNormallyWithAFailureResult() throws Exception {
    PipelineBuilder p = PipelineDefinition.builder("fails");
    p.add(broken("bad", "bad"));

    RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    RunResult result = handle.completion().get(runTimeout().toSeconds(), TimeUnit.SECONDS);

    assertThat(handle.completion()).isNotCompletedExceptionally();
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(handle.status()).isEqualTo(RunStatus.FAILURE);
  }

  @Test
  void anInterruptedAwaitThrowsButTheRunGoesOn() {
    Journal journal = journal("gate");
    RunHandle handle = runtime().submit(gated(journal), RunRequest.defaults());
    journal.awaitEntry("started", runTimeout());

    Thread.currentThread().interrupt();
    assertThatThrownBy(handle::await).isInstanceOf(CancellationException.class);
    assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();

    journal.write("release");
    assertThat(await(handle).output("after", OUT)).isEqualTo(2);
  }

  @Test
  void oneRuntimeRunsSeveralRunsAtOnce() {
    // Given runs that each wait until all of them have started
    int runs = 2;
    Journal journal = journal("meet");
    PipelineBuilder p = PipelineDefinition.builder("together");
    p.add(SolidDefinition.builder("meet").returning(TEXT, (ctx, in) -> {
      journal.write("arrived " + ctx.runId());
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (journal.entries().size() < runs && System.nanoTime() < deadline && !ctx.isCancelled()) {
        Thread.sleep(10);
      }
      return journal.entries().size() >= runs ? "met" : "alone";
    }).build());
    PipelineDefinition pipeline = p.build();

    // When
    List<RunHandle> handles = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      handles.add(runtime().submit(pipeline, RunRequest.defaults()));
    }

    // Then
    for (RunHandle handle : handles) {
      assertThat(await(handle).output("meet", TEXT)).isEqualTo("met");
    }
  }
}
