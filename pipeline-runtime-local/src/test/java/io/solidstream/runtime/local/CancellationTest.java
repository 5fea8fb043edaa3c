package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A race of the in-process thread pool: a cancel that hits a step handed to the pool but not
 * started yet. Cancellation itself is checked by the conformance suite's
 * {@code CancellationConformance}.
 */
class CancellationTest {

  @Test
  void cancelRightAfterSubmitAlwaysEndsTheRunOnThePool() {
    // Given many independent steps on a pool
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
