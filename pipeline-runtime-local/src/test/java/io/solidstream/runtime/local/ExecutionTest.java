package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static io.solidstream.runtime.local.TestSolids.plusOne;
import static io.solidstream.runtime.local.TestSolids.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionTest {

  @Test
  void sequentialRunExecutesEveryStepAfterItsUpstreamSteps() {
    // Given a diamond a -> (b, c) -> d, declared with d first
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    SolidDefinition join = SolidDefinition.builder("d").input(IN).input(TestSolids.IN2)
        .returning(OUT, (ctx, in) -> {
          order.add(ctx.stepKey());
          return in.get(IN) + in.get(TestSolids.IN2);
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("diamond");
    SolidNode a = p.add(source("a", 1, order));
    SolidNode b = p.add(plusOne("b", order)).wire(IN, a.output(OUT));
    SolidNode c = p.add(plusOne("c", order)).wire(IN, a.output(OUT));
    p.add(join).wire(IN, b.output(OUT)).wire(TestSolids.IN2, c.output(OUT));

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(order).hasSize(4).startsWith("a").endsWith("d").contains("b", "c");
    assertThat(result.output("d", OUT)).isEqualTo(4);
  }

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

  @Test
  void parallelRunStillRespectsDependencies() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("chains");
    SolidNode a = p.add(source("a", 1, order));
    SolidNode b = p.add(plusOne("b", order)).wire(IN, a.output(OUT));
    p.add(plusOne("c", order)).wire(IN, b.output(OUT));
    SolidNode x = p.add(source("x", 10, order));
    p.add(plusOne("y", order)).wire(IN, x.output(OUT));

    RunResult result = LocalRuntime.builder().maxConcurrent(4).build().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
    assertThat(order.indexOf("b")).isLessThan(order.indexOf("c"));
    assertThat(order.indexOf("x")).isLessThan(order.indexOf("y"));
    assertThat(result.output("c", OUT)).isEqualTo(3);
    assertThat(result.output("y", OUT)).isEqualTo(11);
  }

  @Test
  void failedStepSkipsOnlyItsDownstream() {
    for (int threads : new int[] {1, 4}) {
      // Given a -> broken -> after, and an independent branch a -> other
      IllegalStateException boom = new IllegalStateException("boom");
      List<String> ran = Collections.synchronizedList(new ArrayList<>());
      PipelineBuilder p = PipelineDefinition.builder("branches");
      SolidNode a = p.add(source("a", 1, ran));
      SolidNode broken = p.add(SolidDefinition.builder("broken").input(IN)
          .returning(OUT, (ctx, in) -> {
            throw boom;
          }).build()).wire(IN, a.output(OUT));
      SolidNode after = p.add(plusOne("after", ran)).wire(IN, broken.output(OUT));
      p.add(plusOne("after_after", ran)).wire(IN, after.output(OUT));
      p.add(plusOne("other", ran)).wire(IN, a.output(OUT));

      // When
      RunResult result = LocalRuntime.builder().maxConcurrent(threads).checkSerializable(false).build()
          .execute(p.build());

      // Then the independent branch ran, the downstream of the failure did not
      assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
      assertThat(ran).containsExactlyInAnyOrder("a", "other");
      assertThat(result.output("other", OUT)).isEqualTo(2);
      assertThat(result.step("other").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
      assertThat(result.step("broken").orElseThrow().status()).isEqualTo(StepStatus.FAILURE);
      assertThat(result.eventsOf(RunEvent.StepSkipped.class))
          .extracting(RunEvent.StepSkipped::stepKey, RunEvent.StepSkipped::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("after", "upstream step 'broken' did not succeed"),
              org.assertj.core.groups.Tuple.tuple("after_after", "upstream step 'after' did not succeed"));
      assertThat(result.eventsOf(RunEvent.RunFailed.class)).singleElement()
          .satisfies(f -> assertThat(f.failedSteps()).containsExactly("broken"));

      // and the failure names solid and step, with the original exception as cause
      assertThat(result.failures()).containsOnlyKeys("broken");
      Throwable failure = result.failures().get("broken");
      assertThat(failure).isInstanceOf(UserCodeException.class)
          .hasMessageContaining("solid 'broken'").hasMessageContaining("step 'broken'")
          .hasMessageContaining("boom");
      assertThat(failure.getCause()).isSameAs(boom);
      assertThatThrownBy(result::orThrow).isSameAs(failure);
    }
  }

  @Test
  void orThrowReturnsTheResultOfASuccessfulRun() {
    PipelineBuilder p = PipelineDefinition.builder("ok");
    p.add(source("a", 1, Collections.synchronizedList(new ArrayList<>())));
    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.orThrow()).isSameAs(result);
    assertThat(result.failures()).isEmpty();
  }
}
