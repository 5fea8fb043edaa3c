package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The in-process thread pool: {@code maxConcurrent(n)} runs independent steps at the same time, and
 * never more than {@code n}. What a run does is checked by the pipeline conformance suite, run both
 * sequentially and in parallel ({@code InProcessPipelineConformanceTest}).
 */
class ExecutionTest {

  @Test
  void parallelRunExecutesIndependentStepsAtTheSameTime() {
    // Given two independent steps that each wait until the other one is inside compute
    CountDownLatch bothInside = new CountDownLatch(2);
    List<Boolean> sawOther = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("pair");
    for (String name : List.of("left", "right")) {
      p.add(SolidDefinition.builder(name).returning(OUT, (ctx, in) -> {
        bothInside.countDown();
        sawOther.add(bothInside.await(5, TimeUnit.SECONDS));
        return 1;
      }).build());
    }

    // When
    RunResult result = LocalRuntime.builder().maxConcurrent(4).checkSerializable(false).build().execute(p.build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(sawOther).containsExactly(true, true);
  }

  @Test
  void parallelRunNeverExecutesMoreThanMaxConcurrentStepsAtOnce() {
    // Given ten independent steps that stay inside compute until four are running together
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    CountDownLatch fourInside = new CountDownLatch(4);
    PipelineBuilder p = PipelineDefinition.builder("wide");
    for (int i = 0; i < 10; i++) {
      p.add(SolidDefinition.builder("s" + i).returning(OUT, (ctx, in) -> {
        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          fourInside.countDown();
          fourInside.await(5, TimeUnit.SECONDS);
          Thread.sleep(20); // a slow step, so that an unbounded pool would overlap more
          return 1;
        } finally {
          inside.decrementAndGet();
        }
      }).build());
    }

    // When
    RunResult result = LocalRuntime.builder().maxConcurrent(4).checkSerializable(false).build().execute(p.build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.steps()).hasSize(10).allMatch(s -> s.status() == StepStatus.SUCCESS);
    assertThat(maxInside.get()).isEqualTo(4);
  }
}
