package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
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
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamicOutputTest {
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});
  static final OutputDef<Integer> MAYBE = OutputDef.of("maybe", Integer.class).optional();

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

  /** Collects its list input. */
  static final SolidDefinition GATHER =
      SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build();

  private static RunRequest keys(String... keys) {
    return RunRequest.of(RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of(keys))).build());
  }

  /** A solid doubling its input; the step for key "slow" takes a while, "bad" fails. */
  private static SolidDefinition doubleEach(List<String> mappingKeys) {
    return SolidDefinition.builder("double_each").input(IN).returning(OUT, (ctx, in) -> {
      String key = ctx.mappingKey().orElseThrow();
      mappingKeys.add(key);
      if (key.equals("slow")) {
        Thread.sleep(100);
      }
      if (key.equals("bad")) {
        throw new IllegalStateException("bad item");
      }
      return in.get(IN) * 2;
    }).build();
  }

  /** fan_out -> map(double_each) -> collect -> gather. */
  private static PipelineDefinition mapCollect(List<String> mappingKeys) {
    PipelineBuilder p = PipelineDefinition.builder("map_collect");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleEach(mappingKeys)), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());
    return p.build();
  }

  private static LocalRuntime runtime(int threads) {
    return LocalRuntime.builder().maxConcurrent(threads).build();
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void mapsOverEveryKeyAndCollectsInEmissionOrder(int threads) {
    // Given keys emitted as slow, a, b (the slow one finishes last when run in parallel)
    List<String> mappingKeys = Collections.synchronizedList(new ArrayList<>());

    // When
    RunResult result = runtime(threads).execute(mapCollect(mappingKeys), keys("slow", "a", "b"));

    // Then
    assertThat(result.success()).as(result.events().toString()).isTrue();
    assertThat(mappingKeys).containsExactlyInAnyOrder("slow", "a", "b");
    assertThat(result.output("gather", LIST)).containsExactly(0, 20, 40);
    assertThat(result.dynamicOutput("fan_out", ITEMS)).containsExactly(
        Map.entry("slow", 0), Map.entry("a", 10), Map.entry("b", 20));
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(
        Map.entry("slow", 0), Map.entry("a", 20), Map.entry("b", 40));
    assertThat(result.steps()).extracting(s -> s.stepKey())
        .contains("fan_out", "double_each[slow]", "double_each[a]", "double_each[b]", "gather");
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).filteredOn(o -> o.stepKey().equals("fan_out"))
        .extracting(RunEvent.StepOutput::mappingKey).containsExactly("slow", "a", "b");
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void zeroKeysGiveAnEmptyCollection(int threads) {
    List<String> mappingKeys = Collections.synchronizedList(new ArrayList<>());

    RunResult result = runtime(threads).execute(mapCollect(mappingKeys), keys());

    assertThat(result.success()).isTrue();
    assertThat(mappingKeys).isEmpty();
    assertThat(result.output("gather", LIST)).isEmpty();
    assertThat(result.dynamicOutput("fan_out", ITEMS)).isEmpty();
    assertThat(result.steps()).extracting(s -> s.stepKey()).containsExactly("fan_out", "gather");
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void failureOfOneMappedStepSkipsTheCollectButNotTheOtherKeys(int threads) {
    List<String> mappingKeys = Collections.synchronizedList(new ArrayList<>());

    RunResult result = runtime(threads).execute(mapCollect(mappingKeys), keys("a", "bad", "c"));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(mappingKeys).containsExactlyInAnyOrder("a", "bad", "c");
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(Map.entry("a", 0), Map.entry("c", 40));
    assertThat(result.failures()).containsOnlyKeys("double_each[bad]");
    assertThat(result.failures().get("double_each[bad]")).hasMessageContaining("step 'double_each[bad]'");
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.hasOutput("gather", "list")).isFalse();
  }

  @ParameterizedTest(name = "maxConcurrent={0}")
  @ValueSource(ints = {1, 4})
  void mappedOutputCanBeMappedAgain(int threads) {
    // Given fan_out -> map(plus_one) -> map(double_each) -> collect
    List<String> mappingKeys = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> plusOne = fan.dynamicOutput(ITEMS).map(p.add(TestSolids.plusOne("plus_one")), IN, OUT);
    DynamicHandle<Integer> doubled = plusOne.map(p.add(doubleEach(mappingKeys)), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());

    // When
    RunResult result = runtime(threads).execute(p.build(), keys("x", "y", "z"));

    // Then
    assertThat(result.success()).as(result.events().toString()).isTrue();
    assertThat(result.mappedOutput("plus_one", OUT)).containsOnly(
        Map.entry("x", 1), Map.entry("y", 11), Map.entry("z", 21));
    assertThat(result.mappedOutput("double_each", OUT)).containsOnly(
        Map.entry("x", 2), Map.entry("y", 22), Map.entry("z", 42));
    assertThat(result.output("gather", LIST)).containsExactly(2, 22, 42);
  }

  @Test
  void failureInAChainSkipsTheRestOfThatKeyOnly() {
    List<String> mappingKeys = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("chain_failure");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleEach(mappingKeys)), IN, OUT);
    DynamicHandle<Integer> plusOne = doubled.map(p.add(TestSolids.plusOne("plus_one")), IN, OUT);
    p.add(GATHER).wire(ALL, plusOne.collect());

    RunResult result = LocalRuntime.create().execute(p.build(), keys("a", "bad"));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.mappedOutput("plus_one", OUT)).containsOnly(Map.entry("a", 1));
    assertThat(result.step("plus_one[bad]").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void dynamicOutputCanBeCollectedDirectly() {
    PipelineBuilder p = PipelineDefinition.builder("direct_collect");
    SolidNode fan = p.add(FAN_OUT);
    p.add(GATHER).wire(ALL, fan.dynamicOutput(ITEMS).collect());

    RunResult result = LocalRuntime.create().execute(p.build(), keys("q", "p", "r"));

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
    DynamicHandle<Integer> doubled =
        fan.dynamicOutput(ITEMS).map(p.add(doubleEach(Collections.synchronizedList(new ArrayList<>()))), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("fan_out");
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).extracting(RunEvent::stepKey).containsExactly("fan_out");
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void skippedProducerSkipsTheCollectInsteadOfCollectingNothing() {
    // Given a producer whose required input comes from an optional output that is not emitted
    List<String> gathered = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("producer_skipped");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").input(IN).output(ITEMS).compute((ctx, in) -> {
      ctx.emit(ITEMS, "a", in.get(IN));
    }).build()).wire(IN, quiet.output(MAYBE));
    p.add(SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> {
      gathered.add("gather ran with " + in.get(ALL));
      return List.copyOf(in.get(ALL));
    }).build()).wire(ALL, fan.dynamicOutput(ITEMS).collect());

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then nothing downstream of the skipped producer runs, and the run still succeeds
    assertThat(result.success()).isTrue();
    assertThat(result.step("fan_out").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(gathered).isEmpty();
    assertThat(result.step("gather").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }
}
