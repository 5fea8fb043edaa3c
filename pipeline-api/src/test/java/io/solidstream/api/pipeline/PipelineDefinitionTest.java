package io.solidstream.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline DSL builds valid, immutable definitions. */
class PipelineDefinitionTest {

  static final InputDef<Integer> VALUE = InputDef.of("value", Integer.class);
  static final InputDef<List<Integer>> VALUES = InputDef.list("values", Integer.class);
  static final InputDef<String> PATH = InputDef.of("path", String.class);
  static final OutputDef<Integer> RESULT = OutputDef.of("result", Integer.class);
  static final OutputDef<String> FILES = OutputDef.dynamic("files", String.class);

  static final SolidDefinition NUMBER = SolidDefinition.builder("number").returning(RESULT, (ctx, in) -> 1).build();
  static final SolidDefinition PLUS_ONE = SolidDefinition.function("plus_one", VALUE, RESULT, v -> v + 1);
  static final SolidDefinition SUM =
      SolidDefinition.function("sum", VALUES, RESULT, vs -> vs.stream().mapToInt(Integer::intValue).sum());
  static final SolidDefinition LIST_FILES =
      SolidDefinition.builder("list_files").output(FILES).compute((ctx, in) -> ctx.emit(FILES, "a", "a.csv")).build();
  static final SolidDefinition SIZE = SolidDefinition.function("size", PATH, RESULT, String::length);
  static final SolidDefinition LOAD =
      SolidDefinition.builder("load")
          .config(ConfigType.shape().field("limit", ConfigType.integer()).build())
          .returning(RESULT, (ctx, in) -> ctx.config().getInt("limit"))
          .build();

  interface Warehouse {}

  static final ResourceKey<Warehouse> WAREHOUSE = ResourceKey.of("warehouse", Warehouse.class);

  @Test
  void typedWiringRecordsWhereEachInputComesFrom() {
    PipelineBuilder p = PipelineDefinition.builder("numbers");
    SolidNode number = p.add(NUMBER);
    p.add(PLUS_ONE).wire(VALUE, number.output(RESULT));

    PipelineDefinition pipeline = p.build();

    assertThat(pipeline.name()).isEqualTo("numbers");
    assertThat(pipeline.solids()).extracting(SolidInvocation::name).containsExactly("number", "plus_one");
    assertThat(pipeline.solid("plus_one").orElseThrow().inputs())
        .containsExactly(Map.entry("value", new InputSource.FromOutput("number", "result")));
    assertThat(pipeline.solid("number").orElseThrow().inputs()).isEmpty();
  }

  @Test
  void stringWiringOfMatchingTypesBuilds() {
    PipelineBuilder p = PipelineDefinition.builder("numbers");
    p.add(NUMBER);
    p.add(PLUS_ONE).wire("value", "number", "result");

    assertThat(p.build().solid("plus_one").orElseThrow().inputs().get("value"))
        .isEqualTo(new InputSource.FromOutput("number", "result"));
  }

  @Test
  void aliasesMakeTwoInvocationsOfTheSameSolid() {
    PipelineBuilder p = PipelineDefinition.builder("twice");
    SolidNode number = p.add(NUMBER);
    SolidNode first = p.add(PLUS_ONE, "first").wire(VALUE, number.output(RESULT));
    p.add(PLUS_ONE, "second").wire(VALUE, first.output(RESULT)).retryPolicy(RetryPolicy.maxAttempts(3));

    PipelineDefinition pipeline = p.build();

    assertThat(pipeline.solids()).extracting(SolidInvocation::name).containsExactly("number", "first", "second");
    SolidInvocation second = pipeline.solid("second").orElseThrow();
    assertThat(second.definition()).isSameAs(PLUS_ONE);
    assertThat(second.toString()).isEqualTo("solid 'second' (plus_one)");
    assertThat(second.retryPolicy()).hasValueSatisfying(r -> assertThat(r.maxAttempts()).isEqualTo(3));
    assertThat(pipeline.solid("first").orElseThrow().retryPolicy()).isEmpty();
  }

  @Test
  void fanInWiresOneListOfOutputsInOrder() {
    PipelineBuilder p = PipelineDefinition.builder("fan_in");
    SolidNode a = p.add(NUMBER, "a");
    SolidNode b = p.add(NUMBER, "b");
    p.add(SUM).wireAll(VALUES, b.output(RESULT), a.output(RESULT));

    PipelineDefinition pipeline = p.build();

    assertThat(pipeline.solid("sum").orElseThrow().inputs().get("values"))
        .isEqualTo(new InputSource.FanIn(List.of(
            new InputSource.FromOutput("b", "result"), new InputSource.FromOutput("a", "result"))));
    assertThat(pipeline.dependencies().get("sum")).containsExactly("b", "a");
  }

  @Test
  void compositeWithConfigMappingBuildsAndIsUsableAsASolid() {
    // Given a composite mapping its own "rows" onto the inner load's "limit"
    CompositeSolidDefinition.Builder c =
        CompositeSolidDefinition.builder("ingest")
            .output(RESULT)
            .config(
                ConfigType.shape().field("rows", ConfigType.integer()).build(),
                cfg -> Map.of("load", Map.of("config", Map.of("limit", cfg.getInt("rows")))));
    SolidNode load = c.add(LOAD);
    CompositeSolidDefinition ingest = c.mapOutput(RESULT, c.add(PLUS_ONE).wire(VALUE, load.output(RESULT))
        .output(RESULT)).build();

    // When it is used in a pipeline
    PipelineBuilder p = PipelineDefinition.builder("with_composite");
    p.add(PLUS_ONE).wire(VALUE, p.add(ingest).output(RESULT));
    PipelineDefinition pipeline = p.build();

    // Then the composite keeps its graph, mapping and config, and the pipeline wires its output
    assertThat(ingest.solids()).extracting(SolidInvocation::name).containsExactly("load", "plus_one");
    assertThat(ingest.outputMappings()).containsExactly(Map.entry("result", new InputSource.FromOutput("plus_one", "result")));
    assertThat(ingest.configMapping()).isNotNull();
    assertThat(ingest.configSchema()).isEqualTo(ConfigType.shape().field("rows", ConfigType.integer()).build());
    assertThat(pipeline.dependencies()).containsEntry("plus_one", Set.of("ingest"));
  }

  @Test
  void compositeInputFeedsInnerSolidsAndRequiredResourcesIncludeInnerOnes() {
    SolidDefinition store =
        SolidDefinition.builder("store").input(VALUE).requires(WAREHOUSE).returning(RESULT, (ctx, in) -> 1).build();
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("persist").input(VALUE).output(RESULT);
    c.mapOutput(RESULT, c.add(store).wire(VALUE, c.from(VALUE)).output(RESULT));

    CompositeSolidDefinition persist = c.build();

    assertThat(persist.solids().get(0).inputs()).containsEntry("value", new InputSource.FromGraphInput("value"));
    assertThat(persist.requiredResources()).containsExactly(WAREHOUSE);
  }

  @Test
  void dynamicMapAndCollectBuildAValidDefinition() {
    // Given list_files -> map(size) -> collect -> sum
    PipelineBuilder p = PipelineDefinition.builder("sizes");
    SolidNode size = p.add(SIZE);
    DynamicHandle<Integer> sizes = p.add(LIST_FILES).dynamicOutput(FILES).map(size, PATH, RESULT);
    p.add(SUM).wire(VALUES, sizes.collect());

    // When built
    PipelineDefinition pipeline = p.build();

    // Then the mapped input reads each dynamic value and the sum collects the mapped results
    assertThat(pipeline.solid("size").orElseThrow().inputs().get("path"))
        .isEqualTo(new InputSource.DynamicItem("list_files", "files"));
    assertThat(pipeline.solid("sum").orElseThrow().inputs().get("values"))
        .isEqualTo(new InputSource.Collect("size", "result"));
    assertThat(pipeline.dependencies())
        .containsExactly(
            Map.entry("size", Set.of("list_files")),
            Map.entry("list_files", Set.of()),
            Map.entry("sum", Set.of("size")));
  }

  @Test
  void collectingADynamicOutputDirectlyBuilds() {
    PipelineBuilder p = PipelineDefinition.builder("names");
    SolidDefinition count =
        SolidDefinition.function("count", InputDef.list("paths", String.class), RESULT, List::size);
    p.add(count).wire(InputDef.list("paths", String.class), p.add(LIST_FILES).dynamicOutput(FILES).collect());

    assertThat(p.build().solid("count").orElseThrow().inputs().get("paths"))
        .isEqualTo(new InputSource.Collect("list_files", "files"));
  }

  @Test
  void dependenciesMapEachSolidToItsDirectUpstream() {
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode a = p.add(NUMBER, "a");
    SolidNode b = p.add(PLUS_ONE, "b").wire(VALUE, a.output(RESULT));
    p.add(PLUS_ONE, "c").wire(VALUE, b.output(RESULT));

    assertThat(p.build().dependencies())
        .containsExactly(Map.entry("a", Set.of()), Map.entry("b", Set.of("a")), Map.entry("c", Set.of("b")));
  }

  @Test
  void definitionsListsEveryDefinitionOnceIncludingThoseInsideComposites() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("ingest").output(RESULT);
    c.mapOutput(RESULT, c.add(LOAD).output(RESULT));
    CompositeSolidDefinition ingest = c.build();
    PipelineBuilder p = PipelineDefinition.builder("all");
    SolidNode in = p.add(ingest);
    SolidNode first = p.add(PLUS_ONE, "first").wire(VALUE, in.output(RESULT));
    p.add(PLUS_ONE, "second").wire(VALUE, first.output(RESULT));

    assertThat(p.build().definitions())
        .containsExactly(Map.entry("ingest", ingest), Map.entry("load", LOAD), Map.entry("plus_one", PLUS_ONE));
  }

  @Test
  void builtDefinitionIsImmutable() {
    PipelineBuilder p = PipelineDefinition.builder("frozen").resource(WAREHOUSE, ResourceDefinition.of(ctx -> null));
    p.tag("team", "data");
    SolidNode number = p.add(NUMBER).tag("kind", "source");
    p.add(PLUS_ONE).wire(VALUE, number.output(RESULT));
    PipelineDefinition pipeline = p.build();
    SolidInvocation plusOne = pipeline.solid("plus_one").orElseThrow();

    assertThatThrownBy(() -> pipeline.solids().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.resources().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.hooks().add(HookDefinition.onSuccess("h", ctx -> {})))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.dependencies().get("plus_one").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.definitions().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plusOne.inputs().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plusOne.tags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plusOne.hooks().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> PLUS_ONE.inputs().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changingTheBuilderAfterBuildDoesNotChangeTheBuiltDefinition() {
    // Given a built pipeline
    PipelineBuilder p = PipelineDefinition.builder("snapshot");
    SolidNode number = p.add(NUMBER);
    PipelineDefinition pipeline = p.build();

    // When the builder and a node are changed afterwards
    number.tag("late", "yes").hook(HookDefinition.onSuccess("late_hook", ctx -> {}));
    p.add(PLUS_ONE).wire(VALUE, number.output(RESULT));
    p.tag("late", "yes");

    // Then the built definition is unchanged
    assertThat(pipeline.solids()).extracting(SolidInvocation::name).containsExactly("number");
    assertThat(pipeline.solid("number").orElseThrow().tags()).isEmpty();
    assertThat(pipeline.solid("number").orElseThrow().hooks()).isEmpty();
    assertThat(pipeline.tags()).isEmpty();
  }

  @Test
  void optionalDefaultedAndConfigInputsMayStayUnwired() {
    SolidDefinition lenient =
        SolidDefinition.builder("lenient")
            .input(InputDef.of("a", Integer.class).optional())
            .input(InputDef.of("b", Integer.class).withDefault(2))
            .input(InputDef.of("c", Integer.class).fromConfig())
            .returning(RESULT, (ctx, in) -> 0)
            .build();
    PipelineBuilder p = PipelineDefinition.builder("lenient_pipeline");
    p.add(lenient);

    assertThat(p.build().solid("lenient").orElseThrow().inputs()).isEmpty();
  }
}
