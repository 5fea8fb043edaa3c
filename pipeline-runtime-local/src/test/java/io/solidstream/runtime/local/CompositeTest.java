package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
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
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeTest {
  static final InputDef<Integer> RAW = InputDef.of("raw", Integer.class);
  static final OutputDef<Integer> SCALED = OutputDef.of("scaled", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new io.solidstream.api.types.TypeRef<>() {});

  /** Multiplies its input by {@code config.factor}. */
  static final SolidDefinition SCALE = SolidDefinition.builder("scale")
      .input(IN)
      .config(ConfigType.shape().field("factor", ConfigType.integer()).build())
      .returning(OUT, (ctx, in) -> in.get(IN) * ctx.config().getInt("factor"))
      .build();

  /** raw -> plus_one -> scale -> scaled, configured with its own {@code factor}. */
  private static CompositeSolidDefinition mappedComposite() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("prepare")
        .input(RAW).output(SCALED)
        .config(ConfigType.shape().field("factor", ConfigType.integer(), 10).build(),
            cfg -> Map.of("scale", Map.of("config", Map.of("factor", cfg.getInt("factor")))));
    SolidNode plusOne = c.add(TestSolids.plusOne("plus_one")).wire(IN, c.from(RAW));
    SolidNode scale = c.add(SCALE).wire(IN, plusOne.output(OUT));
    return c.mapOutput(SCALED, scale.output(OUT)).build();
  }

  @Test
  void compositeRunsItsInnerSolidsUnderPrefixedKeysAndFeedsItsOutputDownstream() {
    // Given source(1) -> prepare[plus_one -> scale] -> after
    PipelineBuilder p = PipelineDefinition.builder("with_composite");
    SolidNode source = p.add(TestSolids.source("source", 1, new ArrayList<>()));
    SolidNode prepare = p.add(mappedComposite()).wire(RAW, source.output(OUT));
    p.add(TestSolids.plusOne("after")).wire(IN, prepare.output(SCALED));

    // When the composite's config says factor 3
    RunResult result = LocalRuntime.create().execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("solids:\n  prepare:\n    config:\n      factor: 3\n")));

    // Then
    assertThat(result.success()).as(result.events().toString()).isTrue();
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
    SolidNode source = p.add(TestSolids.source("source", 1, new ArrayList<>()));
    p.add(mappedComposite()).wire(RAW, source.output(OUT));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("prepare.scale", OUT)).isEqualTo(20);
  }

  @Test
  void compositeWithoutMappingConfiguresInnerSolidsDirectly() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("direct").input(RAW).output(SCALED);
    SolidNode scale = c.add(SCALE).wire(IN, c.from(RAW));
    CompositeSolidDefinition direct = c.mapOutput(SCALED, scale.output(OUT)).build();
    PipelineBuilder p = PipelineDefinition.builder("direct_config");
    SolidNode source = p.add(TestSolids.source("source", 2, new ArrayList<>()));
    p.add(direct).wire(RAW, source.output(OUT));

    RunResult result = LocalRuntime.create().execute(p.build(), RunRequest.of(RunConfig.fromYaml(
        "solids:\n  direct:\n    solids:\n      scale:\n        config:\n          factor: 5\n")));

    assertThat(result.success()).isTrue();
    assertThat(result.output("direct.scale", OUT)).isEqualTo(10);
  }

  @Test
  void hookOnACompositeRunsForItsInnerSteps() {
    List<String> hooked = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("composite_hook");
    SolidNode source = p.add(TestSolids.source("source", 1, new ArrayList<>()));
    p.add(mappedComposite()).wire(RAW, source.output(OUT))
        .hook(HookDefinition.onSuccess("seen", ctx -> hooked.add(ctx.stepKey())));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(hooked).containsExactly("prepare.plus_one", "prepare.scale");
  }

  @Test
  void aliasesRunTheSameSolidTwiceWithTheirOwnConfig() {
    // Given the solid scale used as "double" and as "triple"
    PipelineBuilder p = PipelineDefinition.builder("aliases");
    SolidNode source = p.add(TestSolids.source("source", 5, new ArrayList<>()));
    p.add(SCALE, "double").wire(IN, source.output(OUT));
    p.add(SCALE, "triple").wire(IN, source.output(OUT));

    // When
    RunResult result = LocalRuntime.create().execute(p.build(), RunRequest.of(RunConfig.builder()
        .solidConfig("double", Map.of("factor", 2))
        .solidConfig("triple", Map.of("factor", 3))
        .build()));

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("double", OUT)).isEqualTo(10);
    assertThat(result.output("triple", OUT)).isEqualTo(15);
    assertThat(result.eventsOf(RunEvent.StepSucceeded.class)).extracting(RunEvent::stepKey)
        .containsExactly("source", "double", "triple");
  }

  @Test
  void fanInReceivesValuesInWiringOrder() {
    for (int threads : new int[] {1, 4}) {
      // Given three sources wired in the order b, c, a
      PipelineBuilder p = PipelineDefinition.builder("fan_in");
      SolidNode a = p.add(TestSolids.source("a", 1, new ArrayList<>()));
      SolidNode b = p.add(TestSolids.source("b", 2, new ArrayList<>()));
      SolidNode c = p.add(TestSolids.source("c", 3, new ArrayList<>()));
      p.add(SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build())
          .wireAll(ALL, b.output(OUT), c.output(OUT), a.output(OUT));

      // When
      RunResult result = LocalRuntime.builder().maxConcurrent(threads).build().execute(p.build());

      // Then
      assertThat(result.success()).isTrue();
      assertThat(result.output("gather", LIST)).containsExactly(2, 3, 1);
    }
  }
}
