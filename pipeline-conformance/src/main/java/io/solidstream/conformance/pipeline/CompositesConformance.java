package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.CompositeSolidDefinition;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Composite solids: inner steps under prefixed handles, the composite's inputs and outputs wired
 * through, config mappings and their defaults, direct configuration of inner solids, nesting,
 * hooks on a composite, and failures of inner solids.
 */
public abstract class CompositesConformance extends PipelineConformance {
  static final InputDef<Integer> RAW = InputDef.of("raw", Integer.class);
  static final OutputDef<Integer> SCALED = OutputDef.of("scaled", Integer.class);

  /** Multiplies its input by {@code config.factor}. */
  static final SolidDefinition SCALE = SolidDefinition.builder("scale")
      .input(IN)
      .config(ConfigType.shape().field("factor", ConfigType.integer()).build())
      .returning(OUT, (ctx, in) -> in.get(IN) * ctx.config().getInt("factor"))
      .build();

  /** raw -> plus_one -> scale -> scaled, configured with its own {@code factor} (10 by default). */
  static CompositeSolidDefinition prepare() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("prepare")
        .input(RAW).output(SCALED)
        .config(ConfigType.shape().field("factor", ConfigType.integer(), 10).build(),
            cfg -> Map.of("scale", Map.of("config", Map.of("factor", cfg.getInt("factor")))));
    SolidNode plusOne = c.add(plusOne("plus_one")).wire(IN, c.from(RAW));
    SolidNode scale = c.add(SCALE).wire(IN, plusOne.output(OUT));
    return c.mapOutput(SCALED, scale.output(OUT)).build();
  }

  @Test
  void compositeRunsItsInnerSolidsUnderPrefixedKeysAndFeedsItsOutputDownstream() {
    // Given source(1) -> prepare[plus_one -> scale] -> after
    PipelineBuilder p = PipelineDefinition.builder("with_composite");
    SolidNode source = p.add(constant("source", 1));
    SolidNode prepare = p.add(prepare()).wire(RAW, source.output(OUT));
    p.add(plusOne("after")).wire(IN, prepare.output(SCALED));

    // When the composite's config says factor 3
    RunResult result = execute(p.build(), RunRequest.of(RunConfig.fromYaml("solids: {prepare: {config: {factor: 3}}}")));

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.steps()).extracting(StepStats::stepKey)
        .containsExactly("source", "prepare.plus_one", "prepare.scale", "after");
    assertThat(result.output("prepare.plus_one", OUT)).isEqualTo(2);
    assertThat(result.output("prepare.scale", OUT)).isEqualTo(6);
    assertThat(result.output("after", OUT)).isEqualTo(7);
    assertThat(result.eventsFor("prepare")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.solidHandle()).startsWith("prepare."));
    assertThat(result.eventsFor("prepare.scale")).allSatisfy(e -> assertThat(e.stepKey()).isEqualTo("prepare.scale"));
  }

  @Test
  void compositeConfigMappingDefaultApplies() {
    PipelineBuilder p = PipelineDefinition.builder("mapping_default");
    SolidNode source = p.add(constant("source", 1));
    p.add(prepare()).wire(RAW, source.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("prepare.scale", OUT)).isEqualTo(20);
  }

  @Test
  void compositeWithoutMappingConfiguresInnerSolidsDirectly() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("direct").input(RAW).output(SCALED);
    SolidNode scale = c.add(SCALE).wire(IN, c.from(RAW));
    CompositeSolidDefinition direct = c.mapOutput(SCALED, scale.output(OUT)).build();
    PipelineBuilder p = PipelineDefinition.builder("direct_config");
    SolidNode source = p.add(constant("source", 2));
    p.add(direct).wire(RAW, source.output(OUT));

    RunResult result = execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("solids: {direct: {solids: {scale: {config: {factor: 5}}}}}")));

    assertThat(result.success()).isTrue();
    assertThat(result.output("direct.scale", OUT)).isEqualTo(10);
  }

  @Test
  void nestedCompositesGetHandlesWithEveryPrefix() {
    // Given outer[prepare[plus_one -> scale] -> plus_one]
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("outer").input(RAW).output(SCALED);
    SolidNode inner = c.add(prepare()).wire(RAW, c.from(RAW));
    SolidNode last = c.add(plusOne("plus_one")).wire(IN, inner.output(SCALED));
    CompositeSolidDefinition outer = c.mapOutput(SCALED, last.output(OUT)).build();
    PipelineBuilder p = PipelineDefinition.builder("nested");
    SolidNode source = p.add(constant("source", 1));
    p.add(outer).wire(RAW, source.output(OUT));

    // When
    RunResult result = execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("solids: {outer: {solids: {prepare: {config: {factor: 7}}}}}")));

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.steps()).extracting(StepStats::stepKey)
        .containsExactly("source", "outer.prepare.plus_one", "outer.prepare.scale", "outer.plus_one");
    assertThat(result.output("outer.plus_one", OUT)).isEqualTo((1 + 1) * 7 + 1);
  }

  @Test
  void hookOnACompositeRunsForEachOfItsInnerSteps() {
    Journal hooked = journal("hooked");
    PipelineBuilder p = PipelineDefinition.builder("composite_hook");
    SolidNode source = p.add(constant("source", 1));
    p.add(prepare()).wire(RAW, source.output(OUT))
        .hook(HookDefinition.onSuccess("seen", ctx -> hooked.write(ctx.stepKey())));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(hooked.entries()).containsExactly("prepare.plus_one", "prepare.scale");
    assertThat(result.eventsOf(RunEvent.HookCompleted.class)).extracting(RunEvent::stepKey)
        .containsExactly("prepare.plus_one", "prepare.scale");
  }

  @Test
  void failureOfAnInnerSolidNamesItsFullHandleAndSkipsWhatFollows() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("guarded").input(RAW).output(SCALED);
    SolidNode check = c.add(SolidDefinition.builder("check").input(IN).returning(OUT, (ctx, in) -> {
      throw new IllegalArgumentException("negative input " + in.get(IN));
    }).build()).wire(IN, c.from(RAW));
    CompositeSolidDefinition guarded = c.mapOutput(SCALED, check.output(OUT)).build();
    PipelineBuilder p = PipelineDefinition.builder("inner_failure");
    SolidNode source = p.add(constant("source", -1));
    SolidNode g = p.add(guarded).wire(RAW, source.output(OUT));
    p.add(plusOne("after")).wire(IN, g.output(SCALED));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("guarded.check");
    assertThat(result.failures().get("guarded.check")).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in solid 'guarded.check' (step 'guarded.check'): "
            + "java.lang.IllegalArgumentException: negative input -1");
    assertThat(result.eventsOf(RunEvent.StepSkipped.class)).singleElement().satisfies(s -> {
      assertThat(s.stepKey()).isEqualTo("after");
      assertThat(s.reason()).isEqualTo("upstream step 'guarded.check' did not succeed");
    });
  }
}
