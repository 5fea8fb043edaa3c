package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.broken;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
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
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import org.junit.jupiter.api.Test;

/**
 * Hooks: success and failure hooks on one solid or on every solid, what they see of the step,
 * hooks that throw, hooks that read resources, and hooks of retried steps.
 */
public abstract class HooksConformance extends PipelineConformance {
  static final ResourceKey<Journal> ALERTS = ResourceKey.of("alerts", Journal.class);

  /** A success hook journaling "success STEP". */
  static HookDefinition onSuccess(String name, Journal journal) {
    return HookDefinition.onSuccess(name, ctx -> journal.write("success " + ctx.stepKey()));
  }

  /** A failure hook journaling "failure STEP: CLASS: MESSAGE" of the step's failure. */
  static HookDefinition onFailure(String name, Journal journal) {
    return HookDefinition.onFailure(name, ctx -> journal.write("failure " + ctx.stepKey() + ": "
        + ctx.failure().map(e -> e.getClass().getName() + ": " + e.getMessage()).orElse("(none)")));
  }

  @Test
  void solidHooksRunOnlyForTheirSolidAndOutcome() {
    // Given ok and bad, each with a success and a failure hook, and plain without hooks
    Journal hooks = journal("hooks");
    HookDefinition onOk = onSuccess("on_ok", hooks);
    HookDefinition onBad = onFailure("on_bad", hooks);
    PipelineBuilder p = PipelineDefinition.builder("solid_hooks");
    SolidNode ok = p.add(constant("ok", 1)).hook(onOk).hook(onBad);
    p.add(plusOne("bad_after_ok")).wire(IN, ok.output(OUT));
    p.add(broken("bad", "boom")).hook(onOk).hook(onBad);
    p.add(constant("plain", 1));

    // When
    RunResult result = execute(p.build());

    // Then the failure hook saw the original exception
    assertThat(hooks.entries()).containsExactlyInAnyOrder("success ok", "failure bad: java.lang.IllegalStateException: boom");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class))
        .extracting(RunEvent.HookCompleted::stepKey, RunEvent.HookCompleted::hookName)
        .containsExactlyInAnyOrder(tuple("ok", "on_ok"), tuple("bad", "on_bad"));
    assertThat(result.eventsFor("ok")).extracting(RunEvent::type)
        .endsWith(EventType.STEP_SUCCEEDED, EventType.HOOK_COMPLETED);
    assertThat(result.eventsFor("bad")).extracting(RunEvent::type)
        .endsWith(EventType.STEP_FAILED, EventType.HOOK_COMPLETED);
    assertThat(result.eventsFor("plain")).extracting(RunEvent::type).doesNotContain(EventType.HOOK_COMPLETED);
    assertThat(result.eventsFor("bad_after_ok")).extracting(RunEvent::type).doesNotContain(EventType.HOOK_COMPLETED);
  }

  @Test
  void pipelineHooksRunForEverySolid() {
    Journal hooks = journal("hooks");
    PipelineBuilder p = PipelineDefinition.builder("pipeline_hooks")
        .hook(onSuccess("all_ok", hooks))
        .hook(onFailure("all_bad", hooks));
    SolidNode a = p.add(constant("a", 1));
    p.add(plusOne("b")).wire(IN, a.output(OUT));
    p.add(broken("c", "boom"));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(hooks.entries()).containsExactlyInAnyOrder(
        "success a", "success b", "failure c: java.lang.IllegalStateException: boom");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent.HookCompleted::hookName)
        .containsExactlyInAnyOrder("all_ok", "all_ok", "all_bad");
  }

  @Test
  void aThrowingHookIsReportedAndDoesNotChangeTheStepsOutcome() {
    // Given hooks that throw after a success and after a failure
    HookDefinition badSuccessHook = HookDefinition.onSuccess("bad_success_hook", ctx -> {
      throw new IllegalStateException("hook broke");
    });
    HookDefinition badFailureHook = HookDefinition.onFailure("bad_failure_hook", ctx -> {
      throw new AssertionError("failure hook broke");
    });
    PipelineBuilder p = PipelineDefinition.builder("throwing_hooks");
    SolidNode ok = p.add(constant("ok", 1)).hook(badSuccessHook);
    p.add(plusOne("next")).wire(IN, ok.output(OUT));
    p.add(broken("bad", "boom")).hook(badFailureHook);

    // When
    RunResult result = execute(p.build());

    // Then the step outcomes are those of the compute functions
    assertThat(result.step("ok").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.step("next").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.output("next", OUT)).isEqualTo(2);
    assertThat(result.step("bad").orElseThrow().status()).isEqualTo(StepStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("bad");
    assertThat(result.failures().get("bad")).cause().hasMessage("boom");
    assertThat(result.eventsOf(RunEvent.HookErrored.class))
        .extracting(RunEvent.HookErrored::stepKey, RunEvent.HookErrored::hookName, e -> e.error().toString())
        .containsExactlyInAnyOrder(tuple("ok", "bad_success_hook", "java.lang.IllegalStateException: hook broke"),
            tuple("bad", "bad_failure_hook", "java.lang.AssertionError: failure hook broke"));
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).isEmpty();
  }

  @Test
  void aThrowingSuccessHookAloneKeepsTheRunSuccessful() {
    PipelineBuilder p = PipelineDefinition.builder("run_stays_green")
        .hook(HookDefinition.onSuccess("noisy", ctx -> {
          throw new RuntimeException("noisy");
        }));
    p.add(constant("a", 1));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.HookErrored.class)).singleElement()
        .extracting(RunEvent.HookErrored::hookName).isEqualTo("noisy");
  }

  @Test
  void aHookReadsTheResourceItDeclares() {
    Journal alerts = journal("alerts");
    PipelineBuilder p = PipelineDefinition.builder("hook_resource")
        .resource(ALERTS, ResourceDefinition.value(alerts));
    p.add(broken("bad", "boom")).hook(HookDefinition.onFailure("alert",
        ctx -> ctx.resource(ALERTS).write("alert: " + ctx.stepKey() + " in run " + ctx.runId())).requiring(ALERTS));

    RunResult result = execute(p.build());

    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent.HookCompleted::hookName)
        .containsExactly("alert");
    assertThat(alerts.entries()).containsExactly("alert: bad in run " + result.runId());
  }

  @Test
  void hooksOfARetriedStepRunOnceAfterItsLastAttempt() {
    Journal hooks = journal("hooks");
    PipelineBuilder p = PipelineDefinition.builder("retried_hooks");
    p.add(SolidDefinition.builder("flaky").retryPolicy(RetryPolicy.maxAttempts(3)).returning(OUT, (ctx, in) -> {
      if (ctx.attempt() < 3) {
        throw new IllegalStateException("attempt " + ctx.attempt());
      }
      return 1;
    }).build()).hook(onSuccess("ok", hooks)).hook(onFailure("failed", hooks));
    p.add(SolidDefinition.builder("hopeless").retryPolicy(RetryPolicy.maxAttempts(2)).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException("attempt " + ctx.attempt());
    }).build()).hook(onSuccess("ok", hooks)).hook(onFailure("failed", hooks));

    RunResult result = execute(p.build());

    assertThat(hooks.entries()).containsExactlyInAnyOrder(
        "success flaky", "failure hopeless: java.lang.IllegalStateException: attempt 2");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).hasSize(2);
  }

  @Test
  void hooksOfAMappedSolidRunForEveryMappingKey() {
    Journal hooks = journal("hooks");
    PipelineBuilder p = PipelineDefinition.builder("mapped_hooks");
    SolidNode fan = p.add(DynamicOutputsConformance.FAN_OUT);
    fan.dynamicOutput(DynamicOutputsConformance.ITEMS).map(p.add(plusOne("plus_one")).hook(onSuccess("seen", hooks)), IN);

    RunResult result = execute(p.build(), DynamicOutputsConformance.keys("x", "y"));

    assertThat(result.success()).isTrue();
    assertThat(hooks.entries()).containsExactlyInAnyOrder("success plus_one[x]", "success plus_one[y]");
  }
}
