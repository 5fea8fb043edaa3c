package io.solidstream.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid definitions: each case builds something invalid and names the fragments
 * its message must contain (the element concerned and the fix).
 */
class InvalidPipelineCorpusTest {

  // ------------------------------------------------------------------ fixtures

  static final InputDef<Integer> VALUE = InputDef.of("value", Integer.class);
  static final InputDef<String> TEXT_IN = InputDef.of("text", String.class);
  static final InputDef<Integer> OTHER = InputDef.of("other", Integer.class);
  static final InputDef<List<Integer>> VALUES = InputDef.list("values", Integer.class);
  static final OutputDef<Integer> RESULT = OutputDef.of("result", Integer.class);
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);
  static final OutputDef<String> FILES = OutputDef.dynamic("files", String.class);
  static final OutputDef<Integer> NUMBERS = OutputDef.dynamic("numbers", Integer.class);

  static final SolidDefinition NUMBER = SolidDefinition.builder("number").returning(RESULT, (ctx, in) -> 1).build();
  static final SolidDefinition WORD = SolidDefinition.builder("word").returning(TEXT, (ctx, in) -> "a").build();
  static final SolidDefinition PLUS_ONE = SolidDefinition.function("plus_one", VALUE, RESULT, v -> v + 1);
  static final SolidDefinition LENGTH = SolidDefinition.function("length", TEXT_IN, RESULT, String::length);
  static final SolidDefinition ADD =
      SolidDefinition.builder("add")
          .input(VALUE)
          .input(OTHER)
          .returning(RESULT, (ctx, in) -> in.get(VALUE) + in.get(OTHER))
          .build();
  static final SolidDefinition SUM =
      SolidDefinition.function("sum", VALUES, RESULT, vs -> vs.stream().mapToInt(Integer::intValue).sum());
  static final SolidDefinition LIST_FILES =
      SolidDefinition.builder("list_files").output(FILES).compute((ctx, in) -> ctx.emit(FILES, "k", "f")).build();
  static final SolidDefinition LIST_NUMBERS =
      SolidDefinition.builder("list_numbers").output(NUMBERS).compute((ctx, in) -> ctx.emit(NUMBERS, "k", 1)).build();
  /** Mapped over file names, emits a dynamic output itself (nested mapping). */
  static final SolidDefinition SPLIT_FILE =
      SolidDefinition.builder("split_file")
          .input(TEXT_IN)
          .output(NUMBERS)
          .compute((ctx, in) -> ctx.emit(NUMBERS, "k", 1))
          .build();

  interface Warehouse {}

  interface Slack {}

  static final ResourceKey<Warehouse> WAREHOUSE = ResourceKey.of("warehouse", Warehouse.class);
  static final ResourceKey<Slack> SLACK = ResourceKey.of("slack", Slack.class);
  static final ResourceKey<String> WAREHOUSE_AS_STRING = ResourceKey.of("warehouse", String.class);
  static final SolidDefinition LOAD =
      SolidDefinition.builder("load").requires(WAREHOUSE).returning(RESULT, (ctx, in) -> 1).build();
  static final HookDefinition ALERT = HookDefinition.onFailure("alert", ctx -> {}).requiring(SLACK);

  static PipelineBuilder pipeline() {
    return PipelineDefinition.builder("orders_etl");
  }

  static CompositeSolidDefinition.Builder composite() {
    return CompositeSolidDefinition.builder("ingest");
  }

  // ------------------------------------------------------------------ the corpus

  /** One invalid definition: how to build it, whose message prefix and which fragments to expect. */
  record Case(String name, String prefix, Executable build, List<String> fragments) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case pipelineCase(String name, Executable build, String... fragments) {
    return new Case(name, "Invalid pipeline 'orders_etl': ", build, List.of(fragments));
  }

  static Case compositeCase(String name, Executable build, String... fragments) {
    return new Case(name, "Invalid composite solid 'ingest': ", build, List.of(fragments));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Stream<Case> invalidDefinitions() {
    return Stream.of(
        pipelineCase(
            "cycle of two solids through string wiring",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode a = p.add(PLUS_ONE, "a");
              p.add(PLUS_ONE, "b").wire(VALUE, a.output(RESULT));
              a.wire("value", "b", "result");
              p.build();
            },
            "cycle a -> b -> a", "a solid cannot depend on its own output"),
        pipelineCase(
            "cycle of three solids through a late typed wire",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode a = p.add(PLUS_ONE, "a");
              SolidNode b = p.add(PLUS_ONE, "b").wire(VALUE, a.output(RESULT));
              SolidNode c = p.add(PLUS_ONE, "c").wire(VALUE, b.output(RESULT));
              a.wire(VALUE, c.output(RESULT));
              p.build();
            },
            "cycle a -> b -> c -> a"),
        pipelineCase(
            "solid wired to its own output",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(PLUS_ONE).wire("value", "plus_one", "result");
              p.build();
            },
            "cycle plus_one -> plus_one"),
        pipelineCase(
            "unwired required input",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(PLUS_ONE);
              p.build();
            },
            "input 'value' of solid 'plus_one' is not wired",
            "wire it with .wire(valueInput, upstream.output(...))",
            "optional(), withDefault(...) or fromConfig()"),
        pipelineCase(
            "string wiring of an unknown input name",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER);
              p.add(PLUS_ONE).wire("valu", "number", "result");
            },
            "solid 'plus_one' has no input 'valu'; its inputs: value"),
        pipelineCase(
            "typed wiring of an input the solid does not declare",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode number = p.add(NUMBER);
              p.add(NUMBER, "second").wire(VALUE, number.output(RESULT));
            },
            "solid 'second' has no input 'value'; its inputs: (none)"),
        pipelineCase(
            "string wiring from an unknown solid",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER);
              p.add(PLUS_ONE).wire("value", "nosuch", "result");
              p.build();
            },
            "input 'value' of solid 'plus_one' is wired to unknown solid 'nosuch'",
            "solids of this pipeline: number, plus_one"),
        pipelineCase(
            "string wiring from an unknown output",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER);
              p.add(PLUS_ONE).wire("value", "number", "out");
              p.build();
            },
            "input 'value' of solid 'plus_one' is wired to unknown output 'out' of solid 'number'",
            "its outputs: result"),
        pipelineCase(
            "the same solid added twice without alias",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER);
              p.add(NUMBER);
            },
            "solid name 'number' is used twice", "give the second use an alias", "\"number_2\""),
        pipelineCase(
            "two solids under the same alias",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER, "source");
              p.add(WORD, "source");
            },
            "solid name 'source' is used twice"),
        pipelineCase(
            "an input wired twice",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode a = p.add(NUMBER, "a");
              SolidNode b = p.add(NUMBER, "b");
              p.add(PLUS_ONE).wire(VALUE, a.output(RESULT)).wire(VALUE, b.output(RESULT));
            },
            "input 'value' of solid 'plus_one' is already wired to a.result",
            "an input takes one source", "InputDef.list(...)", "wireAll(...)"),
        pipelineCase(
            "string wiring of a String output into an Integer input",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(WORD);
              p.add(PLUS_ONE).wire("value", "word", "text");
              p.build();
            },
            "type mismatch: input 'value' of solid 'plus_one' expects Integer (java.lang.Integer)",
            "word.text produces String (java.lang.String)"),
        pipelineCase(
            "fan-in of a String output into a list of Integer",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode number = p.add(NUMBER);
              SolidNode word = p.add(WORD);
              p.add(SUM).wireAll((InputDef) VALUES, (List) List.of(number.output(RESULT), word.output(TEXT)));
              p.build();
            },
            "type mismatch: input 'values' of solid 'sum' expects List[Integer]",
            "fan-in element word.text is String (java.lang.String)",
            "a fan-in input takes a list of its elements' type"),
        pipelineCase(
            "fan-in into an input that is not a list",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode a = p.add(NUMBER, "a");
              SolidNode b = p.add(NUMBER, "b");
              p.add(PLUS_ONE).wireAll((InputDef) VALUE, (List) List.of(a.output(RESULT), b.output(RESULT)));
              p.build();
            },
            "input 'value' of solid 'plus_one' takes Integer, not a list, so it cannot fan in 2 outputs",
            "declare it with InputDef.list(name, elementType)"),
        pipelineCase(
            "a solid requires a resource the pipeline does not provide",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(LOAD);
              p.build();
            },
            "solid 'load' requires resource 'warehouse' (Warehouse) but the pipeline provides none",
            "add .resource(warehouseKey, ResourceDefinition.of(...)) to the pipeline builder"),
        pipelineCase(
            "a pipeline hook requires a resource the pipeline does not provide",
            () -> {
              PipelineBuilder p = pipeline().hook(ALERT);
              p.add(NUMBER);
              p.build();
            },
            "hook 'alert' (on failure) requires resource 'slack' (Slack) but the pipeline provides none"),
        pipelineCase(
            "a solid's hook requires a resource the pipeline does not provide",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(NUMBER).hook(ALERT);
              p.build();
            },
            "hook 'alert' (on failure) of solid 'number' requires resource 'slack'"),
        pipelineCase(
            "a resource is provided under the right name with another type",
            () -> {
              PipelineBuilder p = pipeline().resource(WAREHOUSE_AS_STRING, ResourceDefinition.value("w"));
              p.add(LOAD);
              p.build();
            },
            "solid 'load' requires resource 'warehouse' of type " + Warehouse.class.getName(),
            "but the pipeline provides it as java.lang.String",
            "use one ResourceKey constant for both"),
        pipelineCase(
            "a resource provided twice",
            () -> pipeline()
                .resource(WAREHOUSE, ResourceDefinition.of(ctx -> new Warehouse() {}))
                .resource(WAREHOUSE, ResourceDefinition.of(ctx -> new Warehouse() {})),
            "resource 'warehouse' is provided twice; provide each key once"),
        pipelineCase(
            "a resource requires a resource the pipeline does not provide",
            () -> {
              PipelineBuilder p =
                  pipeline().resource(WAREHOUSE, ResourceDefinition.builder(ctx -> (Warehouse) null)
                      .requiring(SLACK).build());
              p.add(LOAD);
              p.build();
            },
            "resource 'warehouse' requires resource 'slack' (Slack) but the pipeline provides none"),
        pipelineCase(
            "a pipeline without solids",
            () -> pipeline().build(),
            "it has no solids; add one with add(solidDefinition)"),
        pipelineCase(
            "a handle of another pipeline",
            () -> {
              PipelineBuilder other = PipelineDefinition.builder("other_etl");
              SolidNode foreign = other.add(NUMBER);
              pipeline().add(PLUS_ONE).wire(VALUE, foreign.output(RESULT));
            },
            "wire(value, ...) uses a handle of pipeline 'other_etl'",
            "wire only handles of solids added to this pipeline"),
        pipelineCase(
            "a solid mapped over a dynamic output of another pipeline",
            () -> {
              DynamicHandle<String> foreign = PipelineDefinition.builder("other_etl").add(LIST_FILES)
                  .dynamicOutput(FILES);
              foreign.map(pipeline().add(LENGTH), TEXT_IN);
            },
            "map(text) uses a handle of pipeline 'other_etl'",
            "wire only handles of solids added to this pipeline"),
        pipelineCase(
            "a dynamic output taken with output(...)",
            () -> pipeline().add(LIST_FILES).output(FILES),
            "dynamic output 'files' (String) of solid 'list_files' is dynamic",
            "use dynamicOutput(...) and map(...) or collect()"),
        pipelineCase(
            "a plain output taken with dynamicOutput(...)",
            () -> pipeline().add(NUMBER).dynamicOutput(RESULT),
            "output 'result' (Integer) of solid 'number' is not dynamic",
            "use output(...), or declare it with OutputDef.dynamic(...)"),
        pipelineCase(
            "a handle to an output the solid does not have",
            () -> pipeline().add(NUMBER).output(TEXT),
            "solid 'number' has no output 'text'; its outputs: result"),
        pipelineCase(
            "string wiring of a dynamic output into a plain input",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(LIST_FILES);
              p.add(LENGTH).wire("text", "list_files", "files");
              p.build();
            },
            "input 'text' of solid 'length' is wired to dynamic output list_files.files",
            "dynamicOutput(...).map(...)", "collect()"),
        pipelineCase(
            "collect() of a solid that is not mapped over a dynamic output",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode number = p.add(NUMBER);
              p.add(SUM).wire(VALUES, number.collect(RESULT));
              p.build();
            },
            "input 'values' of solid 'sum' collects number.result",
            "solid 'number' is not mapped over a dynamic output; wire output(...) instead"),
        pipelineCase(
            "a solid mapped over two dynamic outputs",
            () -> {
              PipelineBuilder p = pipeline();
              DynamicHandle<Integer> a = p.add(LIST_NUMBERS, "a").dynamicOutput(NUMBERS);
              DynamicHandle<Integer> b = p.add(LIST_NUMBERS, "b").dynamicOutput(NUMBERS);
              SolidNode add = p.add(ADD);
              a.map(add, VALUE);
              b.map(add, OTHER);
              p.build();
            },
            "solid 'add' takes values of two dynamic outputs (a.numbers, b.numbers)",
            "a solid can be mapped over one dynamic output only"),
        pipelineCase(
            "a mapped solid with a dynamic output of its own",
            () -> {
              PipelineBuilder p = pipeline();
              p.add(LIST_FILES).dynamicOutput(FILES).map(p.add(SPLIT_FILE), TEXT_IN);
              p.build();
            },
            "solid 'split_file' is mapped over list_files.files and has a dynamic output itself",
            "nested dynamic mapping is not supported, collect() first"),
        pipelineCase(
            "a mapped solid's value fanned in without collect()",
            () -> {
              PipelineBuilder p = pipeline();
              SolidNode length = p.add(LENGTH);
              p.add(LIST_FILES).dynamicOutput(FILES).map(length, TEXT_IN);
              p.add(SUM).wireAll(VALUES, p.add(NUMBER).output(RESULT), length.output(RESULT));
              p.build();
            },
            "input 'values' of solid 'sum' fans in length.result, a solid mapped over list_files.files",
            "use collect() to gather the mapped values"),
        pipelineCase(
            "an alias that is not a valid name",
            () -> pipeline().add(NUMBER, "load-orders"),
            "solid name 'load-orders' is invalid", "use letters, digits and '_'", "e.g. 'load_orders'"),
        compositeCase(
            "a composite output that is never mapped",
            () -> {
              CompositeSolidDefinition.Builder c = composite().input(VALUE).output(RESULT);
              c.add(PLUS_ONE).wire(VALUE, c.from(VALUE));
              c.build();
            },
            "output 'result' is not mapped; map it with mapOutput(resultOutput, inner.output(...))"),
        compositeCase(
            "from() of an input the composite does not declare",
            () -> {
              CompositeSolidDefinition.Builder c = composite().output(RESULT);
              c.add(PLUS_ONE).wire(VALUE, c.from(VALUE));
            },
            "input 'value' is not declared; declare it with input(...) first"),
        compositeCase(
            "an unwired input of an inner solid",
            () -> {
              CompositeSolidDefinition.Builder c = composite().output(RESULT);
              c.mapOutput(RESULT, c.add(PLUS_ONE).output(RESULT));
              c.build();
            },
            "input 'value' of solid 'plus_one' is not wired"),
        compositeCase(
            "an inner solid wired to an unknown inner solid",
            () -> {
              CompositeSolidDefinition.Builder c = composite().output(RESULT);
              c.mapOutput(RESULT, c.add(PLUS_ONE).wire("value", "nosuch", "result").output(RESULT));
              c.build();
            },
            "is wired to unknown solid 'nosuch'; solids of this composite solid: plus_one"),
        compositeCase(
            "a composite output mapped from a String into an Integer output",
            () -> {
              CompositeSolidDefinition.Builder c = composite().output((OutputDef) RESULT);
              c.mapOutput((OutputDef) RESULT, (OutputHandle) c.add(WORD).output(TEXT));
              c.build();
            },
            "type mismatch: output 'result' expects Integer", "word.text produces String"),
        compositeCase(
            "mapOutput of an undeclared output",
            () -> {
              CompositeSolidDefinition.Builder c = composite();
              c.mapOutput(RESULT, c.add(NUMBER).output(RESULT));
            },
            "output 'result' is not declared; declare it with output(...) first"),
        compositeCase(
            "a composite output mapped twice",
            () -> {
              CompositeSolidDefinition.Builder c = composite().output(RESULT);
              c.mapOutput(RESULT, c.add(NUMBER, "a").output(RESULT));
              c.mapOutput(RESULT, c.add(NUMBER, "b").output(RESULT));
            },
            "output 'result' is already mapped to a.result"),
        compositeCase(
            "a dynamic output declared on a composite",
            () -> composite().output(FILES),
            "dynamic output 'files' (String) cannot be an output of a composite",
            "only solids emit dynamic outputs"),
        compositeCase(
            "a composite input declared twice",
            () -> composite().input(VALUE).input(InputDef.of("value", Long.class)),
            "input 'value' is declared twice; give each input its own name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDefinitions")
  void invalidDefinitionIsRejectedWithAnActionableMessage(Case c) {
    assertThatThrownBy(c.build()::execute)
        .isInstanceOf(InvalidPipelineException.class)
        .message()
        .startsWith(c.prefix())
        .contains(c.fragments());
  }

  // ------------------------------------------------------------------ several problems

  @Test
  void everyProblemOfAPipelineIsListedAtOnceAndNumbered() {
    // Given a pipeline with an unwired input, an unknown upstream solid, a type mismatch and a
    // missing resource
    PipelineBuilder p = pipeline();
    p.add(WORD);
    p.add(PLUS_ONE, "unwired");
    p.add(PLUS_ONE, "unknown_upstream").wire("value", "nosuch", "result");
    p.add(PLUS_ONE, "mismatched").wire("value", "word", "text");
    p.add(LOAD);

    // When it is built
    InvalidPipelineException e = catchThrowableOfType(p::build, InvalidPipelineException.class);

    // Then all four problems are listed, numbered, after the pipeline's name
    assertThat(e.definitionName()).isEqualTo("orders_etl");
    assertThat(e.problems()).hasSize(4);
    assertThat(e.getMessage())
        .startsWith("Invalid pipeline 'orders_etl': 4 problems:\n  1. ")
        .contains("input 'value' of solid 'unwired' is not wired")
        .contains("solid 'unknown_upstream' is wired to unknown solid 'nosuch'")
        .contains("type mismatch: input 'value' of solid 'mismatched' expects Integer")
        .contains("solid 'load' requires resource 'warehouse'")
        .contains("\n  4. ");
  }

  @Test
  void cycleIsReportedTogetherWithOtherProblems() {
    // Given a cycle and, elsewhere, an unwired input
    PipelineBuilder p = pipeline();
    SolidNode a = p.add(PLUS_ONE, "a");
    p.add(PLUS_ONE, "b").wire(VALUE, a.output(RESULT));
    a.wire("value", "b", "result");
    p.add(PLUS_ONE, "unwired");

    // When built, then both are reported, so one build shows everything to fix
    assertThatThrownBy(p::build)
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageStartingWith("Invalid pipeline 'orders_etl': 2 problems:")
        .hasMessageContaining("input 'value' of solid 'unwired' is not wired")
        .hasMessageContaining("cycle a -> b -> a");
  }

  @Test
  void everyUnwiredInputOfOneSolidIsListed() {
    PipelineBuilder p = pipeline();
    p.add(ADD);

    InvalidPipelineException e = catchThrowableOfType(p::build, InvalidPipelineException.class);

    assertThat(e.problems())
        .containsExactly(
            "input 'value' of solid 'add' is not wired; wire it with .wire(valueInput, upstream.output(...)),"
                + " or declare it optional(), withDefault(...) or fromConfig()",
            "input 'other' of solid 'add' is not wired; wire it with .wire(otherInput, upstream.output(...)),"
                + " or declare it optional(), withDefault(...) or fromConfig()");
  }

  @Test
  void eachMissingResourceIsReportedForEverySolidThatNeedsIt() {
    PipelineBuilder p = pipeline().hook(ALERT);
    p.add(LOAD, "load_a");
    p.add(LOAD, "load_b");

    InvalidPipelineException e = catchThrowableOfType(p::build, InvalidPipelineException.class);

    assertThat(e.problems())
        .hasSize(3)
        .anySatisfy(m -> assertThat(m).startsWith("solid 'load_a' requires resource 'warehouse'"))
        .anySatisfy(m -> assertThat(m).startsWith("solid 'load_b' requires resource 'warehouse'"))
        .anySatisfy(m -> assertThat(m).startsWith("hook 'alert' (on failure) requires resource 'slack'"));
  }

  @Test
  void missingResourceOfASolidInsideACompositeNamesItsHandle() {
    CompositeSolidDefinition.Builder c = composite().output(RESULT);
    c.mapOutput(RESULT, c.add(LOAD).output(RESULT));
    CompositeSolidDefinition ingest = c.build();
    PipelineBuilder p = pipeline();
    p.add(ingest);

    assertThatThrownBy(p::build)
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageStartingWith("Invalid pipeline 'orders_etl': ")
        .hasMessageContaining("solid 'ingest.load' requires resource 'warehouse'");
  }

  @Test
  void problemsInsideACompositeAreReportedWhenTheCompositeIsBuiltAndAllListed() {
    // Given a composite with an unmapped output and an inner solid wired to an unknown output
    CompositeSolidDefinition.Builder c = composite().input(VALUE).output(RESULT).output(TEXT);
    c.add(NUMBER);
    c.mapOutput(RESULT, c.add(PLUS_ONE).wire("value", "number", "nosuch").output(RESULT));

    // When it is built
    InvalidPipelineException e = catchThrowableOfType(c::build, InvalidPipelineException.class);

    // Then the message names the composite, not a pipeline, and lists both problems
    assertThat(e.definitionName()).isEqualTo("ingest");
    assertThat(e.getMessage())
        .startsWith("Invalid composite solid 'ingest': 2 problems:")
        .contains("input 'value' of solid 'plus_one' is wired to unknown output 'nosuch' of solid 'number'")
        .contains("output 'text' is not mapped");
  }

  // ------------------------------------------------------------------ solid definitions

  record SolidCase(String name, Executable build, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SolidCase> invalidSolids() {
    return Stream.of(
        new SolidCase(
            "an input declared twice",
            () -> SolidDefinition.builder("load_orders").input(VALUE).input(VALUE)
                .returning(RESULT, (ctx, in) -> 1).build(),
            "Invalid solid 'load_orders': input 'value' is declared twice; give each input its own name"),
        new SolidCase(
            "no compute function",
            () -> SolidDefinition.builder("load_orders").output(RESULT).build(),
            "Invalid solid 'load_orders': no compute function; set one with compute(...) or returning(...)"),
        new SolidCase(
            "an output declared twice and no compute function",
            () -> SolidDefinition.builder("load_orders").output(RESULT).output(RESULT).build(),
            "Invalid solid 'load_orders': output 'result' is declared twice; give each output its own name;"
                + " no compute function; set one with compute(...) or returning(...)"),
        new SolidCase(
            "a resource required twice",
            () -> SolidDefinition.builder("load_orders").requires(WAREHOUSE, WAREHOUSE)
                .returning(RESULT, (ctx, in) -> 1).build(),
            "Invalid solid 'load_orders': resource 'warehouse' is required twice"),
        new SolidCase(
            "returning(...) with a dynamic output",
            () -> SolidDefinition.builder("list_files").returning(FILES, (ctx, in) -> "f"),
            "Invalid solid 'list_files': returning(...) takes a non-dynamic output, but dynamic output 'files'"
                + " (String) is dynamic; emit its values with ctx.emit(output, mappingKey, value) in compute(...)"),
        new SolidCase(
            "a solid name with a dash",
            () -> SolidDefinition.builder("load-orders"),
            "Invalid solid name 'load-orders': use letters, digits and '_', not starting with a digit"
                + " (e.g. 'load_orders')"),
        new SolidCase(
            "an input name starting with a digit",
            () -> InputDef.of("1st", Integer.class),
            "Invalid input name '1st': use letters, digits and '_'"),
        new SolidCase(
            "an output name with a space",
            () -> OutputDef.of("the result", Integer.class),
            "Invalid output name 'the result': use letters, digits and '_'"),
        new SolidCase(
            "a pipeline name with a dot",
            () -> PipelineDefinition.builder("orders.etl"),
            "Invalid pipeline name 'orders.etl': use letters, digits and '_'"),
        new SolidCase(
            "a resource name with a dash",
            () -> ResourceKey.of("ware-house", Warehouse.class),
            "Invalid resource name 'ware-house': use letters, digits and '_'"),
        new SolidCase(
            "a retry policy of zero attempts",
            () -> RetryPolicy.maxAttempts(0),
            "Invalid retry policy: maxAttempts must be at least 1 (the first attempt counts), was 0;"
                + " use RetryPolicy.none() for a single attempt without retries"),
        new SolidCase(
            "a retry policy with a negative delay",
            () -> RetryPolicy.maxAttempts(3).withDelay(Duration.ofSeconds(-1)),
            "Invalid retry policy: delay must not be negative, was PT-1S"),
        new SolidCase(
            "a retry policy with a negative maximum delay",
            () -> RetryPolicy.maxAttempts(3).withMaxDelay(Duration.ofSeconds(-1)),
            "Invalid retry policy: maxDelay must not be negative, was PT-1S"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSolids")
  void invalidSolidPartIsRejectedWithIllegalArgumentNamingIt(SolidCase c) {
    assertThatThrownBy(c.build()::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .startsWith(c.message());
  }

  @Test
  void settingTheComputeFunctionTwiceNamesTheSolid() {
    SolidDefinition.Builder builder = SolidDefinition.builder("load_orders").compute((ctx, in) -> {});

    assertThatThrownBy(() -> builder.compute((ctx, in) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Invalid solid 'load_orders': compute function was already set");
  }

  @Test
  void settingACompositeConfigTwiceNamesTheComposite() {
    CompositeSolidDefinition.Builder c =
        composite().config(io.solidstream.api.config.ConfigType.string(), cfg -> java.util.Map.of());

    assertThatThrownBy(() -> c.config(io.solidstream.api.config.ConfigType.integer(), cfg -> java.util.Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Invalid composite solid 'ingest': config schema was already set to String");
  }
}
