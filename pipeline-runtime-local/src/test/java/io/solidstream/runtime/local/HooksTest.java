package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksTest {
  static final IllegalStateException BOOM = new IllegalStateException("boom");

  private static SolidDefinition broken(String name) {
    return SolidDefinition.builder(name).returning(OUT, (ctx, in) -> {
      throw BOOM;
    }).build();
  }

  private static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  @Test
  void solidHooksRunOnlyForTheirSolidAndOutcome() {
    // Given ok and bad, each with a success and a failure hook
    List<String> log = newLog();
    List<Throwable> seenFailures = Collections.synchronizedList(new ArrayList<>());
    HookDefinition onOk = HookDefinition.onSuccess("on_ok", ctx -> log.add("success " + ctx.stepKey()));
    HookDefinition onBad = HookDefinition.onFailure("on_bad", ctx -> {
      log.add("failure " + ctx.stepKey());
      seenFailures.add(ctx.failure().orElseThrow());
    });
    PipelineBuilder p = PipelineDefinition.builder("solid_hooks");
    p.add(TestSolids.source("ok", 1, newLog())).hook(onOk).hook(onBad);
    p.add(broken("bad")).hook(onOk).hook(onBad);
    p.add(TestSolids.source("plain", 1, newLog()));

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then
    assertThat(log).containsExactly("success ok", "failure bad");
    assertThat(seenFailures).containsExactly(BOOM);
    assertThat(result.eventsOf(RunEvent.HookCompleted.class))
        .extracting(RunEvent.HookCompleted::stepKey, RunEvent.HookCompleted::hookName)
        .containsExactly(tuple("ok", "on_ok"), tuple("bad", "on_bad"));
    assertThat(result.eventsFor("ok")).extracting(RunEvent::type)
        .endsWith(EventType.STEP_SUCCEEDED, EventType.HOOK_COMPLETED);
    assertThat(result.eventsFor("bad")).extracting(RunEvent::type)
        .endsWith(EventType.STEP_FAILED, EventType.HOOK_COMPLETED);
    assertThat(result.eventsFor("plain")).extracting(RunEvent::type).doesNotContain(EventType.HOOK_COMPLETED);
  }

  @Test
  void pipelineHooksRunForEverySolid() {
    List<String> log = newLog();
    PipelineBuilder p = PipelineDefinition.builder("pipeline_hooks")
        .hook(HookDefinition.onSuccess("all_ok", ctx -> log.add("success " + ctx.stepKey())))
        .hook(HookDefinition.onFailure("all_bad", ctx -> log.add("failure " + ctx.stepKey() + ": "
            + ctx.failure().map(Throwable::getMessage).orElse("?"))));
    SolidNode a = p.add(TestSolids.source("a", 1, newLog()));
    p.add(TestSolids.plusOne("b")).wire(IN, a.output(OUT));
    p.add(broken("c"));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(log).containsExactlyInAnyOrder("success a", "success b", "failure c: boom");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent.HookCompleted::hookName)
        .containsExactlyInAnyOrder("all_ok", "all_ok", "all_bad");
  }

  @Test
  void throwingHookIsReportedAndDoesNotChangeTheStepOutcome() {
    // Given hooks that throw after a success and after a failure
    HookDefinition badSuccessHook = HookDefinition.onSuccess("bad_success_hook", ctx -> {
      throw new IllegalStateException("hook broke");
    });
    HookDefinition badFailureHook = HookDefinition.onFailure("bad_failure_hook", ctx -> {
      throw new AssertionError("failure hook broke");
    });
    PipelineBuilder p = PipelineDefinition.builder("throwing_hooks");
    SolidNode ok = p.add(TestSolids.source("ok", 1, newLog())).hook(badSuccessHook);
    p.add(TestSolids.plusOne("next")).wire(IN, ok.output(OUT));
    p.add(broken("bad")).hook(badFailureHook);

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then the step outcomes are those of the compute functions
    assertThat(result.step("ok").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.step("next").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.output("next", OUT)).isEqualTo(2);
    assertThat(result.step("bad").orElseThrow().status()).isEqualTo(StepStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("bad");
    assertThat(result.failures().get("bad")).hasCauseReference(BOOM);
    assertThat(result.eventsOf(RunEvent.HookErrored.class))
        .extracting(RunEvent.HookErrored::stepKey, RunEvent.HookErrored::hookName, e -> e.error().message())
        .containsExactlyInAnyOrder(tuple("ok", "bad_success_hook", "hook broke"),
            tuple("bad", "bad_failure_hook", "failure hook broke"));
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).isEmpty();
  }

  @Test
  void throwingSuccessHookAloneKeepsTheRunSuccessful() {
    PipelineBuilder p = PipelineDefinition.builder("run_stays_green")
        .hook(HookDefinition.onSuccess("noisy", ctx -> {
          throw new RuntimeException("noisy");
        }));
    p.add(TestSolids.source("a", 1, newLog()));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.HookErrored.class)).hasSize(1);
  }

  @Test
  void hookReadsTheResourceItDeclares() {
    ResourceKey<StringBuilder> sink = ResourceKey.of("sink", StringBuilder.class);
    StringBuilder messages = new StringBuilder();
    PipelineBuilder p = PipelineDefinition.builder("hook_resource")
        .resource(sink, ResourceDefinition.builder(ctx -> messages).closer(sb -> {}).build());
    p.add(broken("bad")).hook(HookDefinition.onFailure("alert",
        ctx -> ctx.resource(sink).append("alert: ").append(ctx.stepKey())).requiring(sink));

    RunResult result = LocalRuntime.builder().checkSerializable(false).build().execute(p.build());

    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent.HookCompleted::hookName)
        .containsExactly("alert");
    assertThat(messages).hasToString("alert: bad");
  }
}
