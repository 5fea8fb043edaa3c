package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.ALL;
import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.MAYBE;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dynamic outputs: a solid mapped over every value, collected in emission order, maps of maps,
 * no values at all, failures of one mapped step, of the producer, a skipped producer, and
 * invalid mapping keys.
 */
public abstract class DynamicOutputsConformance extends PipelineConformance {
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});

  /** Emits one value per configured key, in config order: key i gets value 10 * i. */
  static final SolidDefinition FAN_OUT = SolidDefinition.builder("fan_out")
      .config(ConfigType.shape().field("keys", ConfigType.list(ConfigType.string())).build())
      .output(ITEMS)
      .compute((ctx, in) -> {
        List<String> keys = ctx.config().getList("keys", String.class);
        for (int i = 0; i < keys.size(); i++) {
          ctx.emit(ITEMS, keys.get(i), 10 * i);
        }
      })
      .build();

  /** Returns its list input. */
  static final SolidDefinition GATHER =
      SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build();

  static RunRequest keys(String... keys) {
    return RunRequest.of(RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of(keys))).build());
  }

  /** Doubles its input and journals its mapping key; the step for "slow" takes a while, "bad" fails. */
  static SolidDefinition doubleEach(Journal journal) {
    return SolidDefinition.builder("double_each").input(IN).returning(OUT, (ctx, in) -> {
      String key = ctx.mappingKey().orElseThrow();
      journal.write(key);
      if (key.equals("slow")) {
        Thread.sleep(100); // so that, run in parallel, it finishes after the others
      }
      if (key.equals("bad")) {
        throw new IllegalStateException("bad item");
      }
      return in.get(IN) * 2;
    }).build();
  }

  /** fan_out -> map(double_each) -> collect -> gather. */
  static PipelineDefinition mapCollect(Journal journal) {
    PipelineBuilder p = PipelineDefinition.builder("map_collect");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleEach(journal)), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());
    return p.build();
  }

  @Test
  void mapsOverEveryKeyAndCollectsInEmissionOrder() {
    // Given keys emitted as slow, a, b (the slow one finishes last when run in parallel)
    Journal mapped = journal("mapped");

    // When
    RunResult result = execute(mapCollect(mapped), keys("slow", "a", "b"));

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(mapped.entries()).containsExactlyInAnyOrder("slow", "a", "b");
    assertThat(result.output("gather", LIST)).containsExactly(0, 20, 40);
    assertThat(result.dynamicOutput("fan_out", ITEMS)).containsExactly(
        Map.entry("slow", 0), Map.entry("a", 10), Map.entry("b", 20));
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(
        Map.entry("slow", 0), Map.entry("a", 20), Map.entry("b", 40));
    assertThat(result.steps()).extracting(StepStats::stepKey).containsExactlyInAnyOrder(
        "fan_out", "double_each[slow]", "double_each[a]", "double_each[b]", "gather");
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).filteredOn(o -> o.stepKey().equals("fan_out"))
        .extracting(RunEvent.StepOutput::mappingKey).containsExactly("slow", "a", "b");
    assertThat(result.eventsFor("double_each")).extracting(RunEvent::solidHandle).containsOnly("double_each");
  }

  @Test
  void zeroValuesGiveAnEmptyCollection() {
    Journal mapped = journal("mapped");

    RunResult result = execute(mapCollect(mapped), keys());

    assertThat(result.success()).isTrue();
    assertThat(mapped.entries()).isEmpty();
    assertThat(result.output("gather", LIST)).isEmpty();
    assertThat(result.dynamicOutput("fan_out", ITEMS)).isEmpty();
    assertThat(result.steps()).extracting(StepStats::stepKey).containsExactly("fan_out", "gather");
  }

  @Test
  void failureOfOneMappedStepSkipsTheCollectButNotTheOtherKeys() {
    Journal mapped = journal("mapped");

    RunResult result = execute(mapCollect(mapped), keys("a", "bad", "c"));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(mapped.entries()).containsExactlyInAnyOrder("a", "bad", "c");
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(Map.entry("a", 0), Map.entry("c", 40));
    assertThat(result.failures()).containsOnlyKeys("double_each[bad]");
    assertThat(result.failures().get("double_each[bad]"))
        .hasMessage("Error in solid 'double_each' (step 'double_each[bad]'): java.lang.IllegalStateException: bad item");
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.hasOutput("gather", "list")).isFalse();
  }

  @Test
  void mappedOutputCanBeMappedAgain() {
    // Given fan_out -> map(plus_one) -> map(double_each) -> collect
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> plusOne = fan.dynamicOutput(ITEMS).map(p.add(plusOne("plus_one")), IN, OUT);
    DynamicHandle<Integer> doubled = plusOne.map(p.add(doubleEach(journal("mapped"))), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());

    // When
    RunResult result = execute(p.build(), keys("x", "y", "z"));

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.mappedOutput("plus_one", OUT)).containsOnly(
        Map.entry("x", 1), Map.entry("y", 11), Map.entry("z", 21));
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(
        Map.entry("x", 2), Map.entry("y", 22), Map.entry("z", 42));
    assertThat(result.output("gather", LIST)).containsExactly(2, 22, 42);
  }

  @Test
  void failureInAChainOfMapsSkipsTheRestOfThatKeyOnly() {
    PipelineBuilder p = PipelineDefinition.builder("chain_failure");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleEach(journal("mapped"))), IN, OUT);
    DynamicHandle<Integer> plusOne = doubled.map(p.add(plusOne("plus_one")), IN, OUT);
    p.add(GATHER).wire(ALL, plusOne.collect());

    RunResult result = execute(p.build(), keys("a", "bad"));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.mappedOutput("plus_one", OUT)).containsOnly(Map.entry("a", 1));
    assertThat(result.step("plus_one[a]").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.step("plus_one[bad]").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void aMappedStepThatLeavesAnOptionalOutputUnemittedIsLeftOutOfTheCollect() {
    // Given a mapped solid that emits its optional output only for even values
    PipelineBuilder p = PipelineDefinition.builder("sparse");
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").output(ITEMS).compute((ctx, in) -> {
      for (int i = 1; i <= 4; i++) {
        ctx.emit(ITEMS, "k" + i, i);
      }
    }).build());
    DynamicHandle<Integer> evens = fan.dynamicOutput(ITEMS).map(p.add(SolidDefinition.builder("even").input(IN)
        .returning(MAYBE, (ctx, in) -> in.get(IN) % 2 == 0 ? in.get(IN) : null).build()), IN, MAYBE);
    p.add(GATHER).wire(ALL, evens.collect());

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.output("gather", LIST)).containsExactly(2, 4);
    assertThat(result.mappedOutput("even", MAYBE)).containsOnlyKeys("k2", "k4");
  }

  @Test
  void dynamicOutputCanBeCollectedDirectly() {
    PipelineBuilder p = PipelineDefinition.builder("direct_collect");
    SolidNode fan = p.add(FAN_OUT);
    p.add(GATHER).wire(ALL, fan.dynamicOutput(ITEMS).collect());

    RunResult result = execute(p.build(), keys("q", "p", "r"));

    assertThat(result.success()).isTrue();
    assertThat(result.output("gather", LIST)).containsExactly(0, 10, 20);
  }

  @Test
  void failedProducerSkipsMappedStepsAndCollect() {
    PipelineBuilder p = PipelineDefinition.builder("producer_fails");
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").output(ITEMS).compute((ctx, in) -> {
      ctx.emit(ITEMS, "a", 1);
      throw new IllegalStateException("listing failed");
    }).build());
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleEach(journal("mapped"))), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("fan_out");
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).extracting(RunEvent::stepKey).containsExactly("fan_out");
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).as("outputs of a failed attempt").isEmpty();
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void skippedProducerSkipsTheCollectInsteadOfCollectingNothing() {
    // Given a producer whose required input comes from an optional output that is not emitted
    Journal gathered = journal("gathered");
    PipelineBuilder p = PipelineDefinition.builder("producer_skipped");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").input(IN).output(ITEMS)
        .compute((ctx, in) -> ctx.emit(ITEMS, "a", in.get(IN))).build()).wire(IN, quiet.output(MAYBE));
    p.add(SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> {
      gathered.write("gather ran with " + in.get(ALL));
      return List.copyOf(in.get(ALL));
    }).build()).wire(ALL, fan.dynamicOutput(ITEMS).collect());

    // When
    RunResult result = execute(p.build());

    // Then nothing downstream of the skipped producer runs, and the run still succeeds
    assertThat(result.success()).isTrue();
    assertThat(result.step("fan_out").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(gathered.entries()).isEmpty();
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void anInvalidOrRepeatedMappingKeyFailsTheProducerNamingTheKey() {
    PipelineBuilder p = PipelineDefinition.builder("bad_keys");
    p.add(SolidDefinition.builder("spaces").output(ITEMS).compute((ctx, in) -> ctx.emit(ITEMS, "a b", 1)).build());
    p.add(SolidDefinition.builder("twice").output(ITEMS).compute((ctx, in) -> {
      ctx.emit(ITEMS, "k", 1);
      ctx.emit(ITEMS, "k", 2);
    }).build());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("spaces"))
        .hasMessageContaining("mapping key 'a b' of output 'items' is invalid; use letters, digits and '_'");
    assertThat(result.failures().get("twice"))
        .hasMessageContaining("mapping key 'k' of output 'items' was already emitted; mapping keys must be unique");
  }
}
