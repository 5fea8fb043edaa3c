package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.ALL;
import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.IN2;
import static io.solidstream.conformance.pipeline.Solids.MAYBE;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.brokenWithInput;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static io.solidstream.conformance.pipeline.Solids.sum;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.RetryRequested;
import io.solidstream.api.solid.SolidDefinition;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The event stream of whole runs, compared with the expected sequence modulo timing and parallel
 * ordering ({@link ExpectedEvents}): each step's events exactly, the run-level events exactly,
 * {@code RUN_STARTED} first and the outcome last, and every step after the outputs it reads.
 */
public abstract class EventStreamConformance extends PipelineConformance {
  static final ResourceKey<String> FRAGILE = ResourceKey.of("fragile", String.class);

  @Test
  void aChainOfTwoSteps() {
    List<RunEvent> received = new CopyOnWriteArrayList<>();

    RunResult result = execute(EventsConformance.twoSteps(), RunRequest.builder().listener(received::add).build());

    ExpectedEvents expected = ExpectedEvents.expect()
        .run("RUN_STARTED two_steps", "RUN_SUCCEEDED")
        .step("first", "STEP_STARTED", "STEP_INPUT start", "STEP_OUTPUT out=42", "STEP_SUCCEEDED")
        .step("second", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=43", "STEP_SUCCEEDED")
        .after("second", "first");
    expected.verify(result);
    expected.verify(received);
  }

  @Test
  void aDiamondFansOutAndIn() {
    PipelineBuilder p = PipelineDefinition.builder("diamond");
    SolidNode a = p.add(constant("a", 1));
    SolidNode b = p.add(plusOne("b")).wire(IN, a.output(OUT));
    SolidNode c = p.add(plusOne("c")).wire(IN, a.output(OUT));
    SolidNode d = p.add(SolidDefinition.builder("d").input(IN).input(IN2)
        .returning(OUT, (ctx, in) -> in.get(IN) * in.get(IN2)).build())
        .wire(IN, b.output(OUT)).wire(IN2, c.output(OUT));
    p.add(sum("total")).wireAll(ALL, a.output(OUT), d.output(OUT));

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED diamond", "RUN_SUCCEEDED")
        .step("a", "STEP_STARTED", "STEP_OUTPUT out=1", "STEP_SUCCEEDED")
        .step("b", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=2", "STEP_SUCCEEDED")
        .step("c", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=2", "STEP_SUCCEEDED")
        .step("d", "STEP_STARTED", "STEP_INPUT in", "STEP_INPUT in2", "STEP_OUTPUT out=4", "STEP_SUCCEEDED")
        .step("total", "STEP_STARTED", "STEP_INPUT all", "STEP_OUTPUT out=5", "STEP_SUCCEEDED")
        .after("b", "a").after("c", "a").after("d", "b", "c").after("total", "a", "d")
        .verify(result);
  }

  @Test
  void aFailureAndItsSkippedDownstreamNextToABranchThatSucceeds() {
    Journal alerts = journal("alerts");
    PipelineBuilder p = PipelineDefinition.builder("branches");
    SolidNode a = p.add(constant("a", 1));
    SolidNode broken = p.add(brokenWithInput("broken", "boom")).wire(IN, a.output(OUT))
        .hook(HookDefinition.onFailure("alert", ctx -> alerts.write(ctx.stepKey())));
    SolidNode after = p.add(plusOne("after")).wire(IN, broken.output(OUT));
    p.add(plusOne("after_after")).wire(IN, after.output(OUT));
    p.add(plusOne("other")).wire(IN, a.output(OUT));

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED branches", "RUN_FAILED [broken]")
        .step("a", "STEP_STARTED", "STEP_OUTPUT out=1", "STEP_SUCCEEDED")
        .step("broken", "STEP_STARTED", "STEP_INPUT in", "STEP_FAILED java.lang.IllegalStateException: boom",
            "HOOK_COMPLETED alert")
        .step("after", "STEP_SKIPPED upstream step 'broken' did not succeed")
        .step("after_after", "STEP_SKIPPED upstream step 'after' did not succeed")
        .step("other", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=2", "STEP_SUCCEEDED")
        .after("broken", "a").after("other", "a").after("after", "broken").after("after_after", "after")
        .verify(result);
  }

  @Test
  void retriesUntilSuccessAndUntilTheAttemptsRunOut() {
    PipelineBuilder p = PipelineDefinition.builder("retries");
    p.add(SolidDefinition.builder("flaky").retryPolicy(RetryPolicy.maxAttempts(3)).returning(OUT, (ctx, in) -> {
      if (ctx.attempt() < 3) {
        throw new IllegalStateException("attempt " + ctx.attempt());
      }
      return 7;
    }).build());
    p.add(SolidDefinition.builder("hopeless").returning(OUT, (ctx, in) -> {
      throw new RetryRequested(1, java.time.Duration.ZERO, new IOException("down"));
    }).build());

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED retries", "RUN_FAILED [hopeless]")
        .step("flaky",
            "STEP_STARTED",
            "STEP_UP_FOR_RETRY attempt=1 delay=0ms java.lang.IllegalStateException: attempt 1",
            "STEP_STARTED attempt=2",
            "STEP_UP_FOR_RETRY attempt=2 delay=0ms java.lang.IllegalStateException: attempt 2",
            "STEP_STARTED attempt=3",
            "STEP_OUTPUT out=7",
            "STEP_SUCCEEDED attempts=3")
        .step("hopeless",
            "STEP_STARTED",
            "STEP_UP_FOR_RETRY attempt=1 delay=0ms java.io.IOException: down",
            "STEP_STARTED attempt=2",
            "STEP_FAILED java.io.IOException: down attempt=2")
        .verify(result);
  }

  @Test
  void aDynamicMapAndItsCollect() {
    PipelineBuilder p = PipelineDefinition.builder("map_collect");
    SolidNode fan = p.add(DynamicOutputsConformance.FAN_OUT);
    var doubled = fan.dynamicOutput(DynamicOutputsConformance.ITEMS).map(p.add(plusOne("plus_one")), IN, OUT);
    p.add(sum("total")).wire(ALL, doubled.collect());

    RunResult result = execute(p.build(), DynamicOutputsConformance.keys("a", "b"));

    ExpectedEvents.expect()
        .run("RUN_STARTED map_collect", "RUN_SUCCEEDED")
        .step("fan_out", "STEP_STARTED", "STEP_OUTPUT items[a]=0", "STEP_OUTPUT items[b]=10", "STEP_SUCCEEDED")
        .step("plus_one[a]", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=1", "STEP_SUCCEEDED")
        .step("plus_one[b]", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=11", "STEP_SUCCEEDED")
        .step("total", "STEP_STARTED", "STEP_INPUT all", "STEP_OUTPUT out=12", "STEP_SUCCEEDED")
        .after("plus_one[a]", "fan_out").after("plus_one[b]", "fan_out").after("total", "plus_one[a]", "plus_one[b]")
        .verify(result);
  }

  @Test
  void logsMaterializationsExpectationsAndHooksInsideTheirStep() {
    PipelineBuilder p = PipelineDefinition.builder("observed")
        .hook(HookDefinition.onSuccess("notify", ctx -> {}));
    p.add(SolidDefinition.builder("report").returning(OUT, (ctx, in) -> {
      ctx.log().info("writing {} rows", 3);
      ctx.materialize(Materialization.of(AssetKey.of("reports", "daily")));
      ctx.expect(ExpectationResult.passed("non_empty"));
      ctx.expect(ExpectationResult.failed("no_negatives"));
      return 3;
    }).build()).hook(HookDefinition.onSuccess("own", ctx -> {
      throw new IllegalStateException("hook broke");
    }));

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED observed", "RUN_SUCCEEDED")
        .step("report",
            "STEP_STARTED",
            "LOG_MESSAGE INFO writing 3 rows",
            "MATERIALIZATION reports/daily",
            "EXPECTATION_RESULT non_empty passed",
            "EXPECTATION_RESULT no_negatives failed",
            "STEP_OUTPUT out=3",
            "STEP_SUCCEEDED",
            "HOOK_COMPLETED notify",
            "HOOK_ERRORED own java.lang.IllegalStateException: hook broke")
        .verify(result);
  }

  @Test
  void anUnemittedOptionalOutputAndTheStepsItSkips() {
    PipelineBuilder p = PipelineDefinition.builder("optional");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode needsIt = p.add(plusOne("needs_it")).wire(IN, quiet.output(MAYBE));
    p.add(plusOne("after_it")).wire(IN, needsIt.output(OUT));

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED optional", "RUN_SUCCEEDED")
        .step("quiet", "STEP_STARTED", "STEP_SUCCEEDED")
        .step("needs_it", "STEP_SKIPPED input 'in' needs output quiet.maybe, which was not emitted")
        .step("after_it", "STEP_SKIPPED input 'in' needs output needs_it.out, which was not emitted")
        .after("needs_it", "quiet").after("after_it", "needs_it")
        .verify(result);
  }

  @Test
  void aCompositesInnerSteps() {
    PipelineBuilder p = PipelineDefinition.builder("composite");
    SolidNode source = p.add(constant("source", 4));
    SolidNode prepare = p.add(CompositesConformance.prepare()).wire(CompositesConformance.RAW, source.output(OUT));
    p.add(plusOne("after")).wire(IN, prepare.output(CompositesConformance.SCALED));

    RunResult result = execute(p.build(), RunRequest.of(RunConfig.fromYaml("solids: {prepare: {config: {factor: 10}}}")));

    ExpectedEvents.expect()
        .run("RUN_STARTED composite", "RUN_SUCCEEDED")
        .step("source", "STEP_STARTED", "STEP_OUTPUT out=4", "STEP_SUCCEEDED")
        .step("prepare.plus_one", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=5", "STEP_SUCCEEDED")
        .step("prepare.scale", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=50", "STEP_SUCCEEDED")
        .step("after", "STEP_STARTED", "STEP_INPUT in", "STEP_OUTPUT out=51", "STEP_SUCCEEDED")
        .after("prepare.plus_one", "source").after("prepare.scale", "prepare.plus_one").after("after", "prepare.scale")
        .verify(result);
  }

  @Test
  void aResourceFailingToCloseIsARunLevelErrorBeforeTheOutcome() {
    PipelineBuilder p = PipelineDefinition.builder("bad_close")
        .resource(FRAGILE, ResourceDefinition.builder(ctx -> "fragile").closer(s -> {
          throw new IOException("close failed");
        }).build());
    p.add(SolidDefinition.builder("uses").requires(FRAGILE).returning(OUT, (ctx, in) -> ctx.resource(FRAGILE).length())
        .build());

    RunResult result = execute(p.build());

    ExpectedEvents.expect()
        .run("RUN_STARTED bad_close",
            "LOG_MESSAGE ERROR Resource 'fragile' failed to close: java.io.IOException: close failed",
            "RUN_SUCCEEDED")
        .step("uses", "STEP_STARTED", "STEP_OUTPUT out=7", "STEP_SUCCEEDED")
        .verify(result);
  }
}
