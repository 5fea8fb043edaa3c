package io.solidstream.api.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.pipeline.CompositeSolidDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.DataType;
import io.solidstream.api.types.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid run configs, planned with {@link ExecutionPlan#create}: each case names the
 * exact error paths and the useful fragments of the message; plus positive planning tests.
 */
class RunConfigCorpusTest {

  // ------------------------------------------------------------------ orders_etl

  /** An order as given in run config for an input loaded from config. */
  public record Order(String id, int quantity) {}

  static final OutputDef<List<String>> ORDERS = OutputDef.of("orders", new TypeRef<List<String>>() {});
  static final InputDef<List<String>> AGG_ORDERS = InputDef.of("orders", new TypeRef<List<String>>() {});
  static final OutputDef<Integer> TOTAL = OutputDef.of("total", Integer.class);
  static final InputDef<Integer> REPORT_TOTAL = InputDef.of("total", Integer.class);
  static final InputDef<String> TITLE = InputDef.of("title", String.class).fromConfig();
  static final InputDef<Order> EXTRA_ORDER = InputDef.of("extra", Order.class).fromConfig().optional();
  static final InputDef<Integer> THRESHOLD =
      InputDef.of("threshold", DataType.of(Integer.class).withCheck("a positive integer", v -> v > 0))
          .fromConfig()
          .withDefault(1);
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);

  interface Warehouse {}

  static final ResourceKey<Warehouse> WAREHOUSE = ResourceKey.of("warehouse", Warehouse.class);

  static final SolidDefinition LOAD_ORDERS =
      SolidDefinition.builder("load_orders")
          .config(
              ConfigType.shape()
                  .field("limit", ConfigType.integer())
                  .field("mode", ConfigType.enumOf("FAST", "SAFE"), "SAFE")
                  .optionalField(
                      "source",
                      ConfigType.selector()
                          .option("file", ConfigType.string())
                          .option("table", ConfigType.string())
                          .build())
                  .build())
          .returning(ORDERS, (ctx, in) -> List.of("o1"))
          .build();

  static final SolidDefinition AGGREGATE =
      SolidDefinition.builder("aggregate")
          .input(AGG_ORDERS)
          .input(EXTRA_ORDER)
          .input(THRESHOLD)
          .requires(WAREHOUSE)
          .config(ConfigType.shape().field("group_by", ConfigType.enumOf("day", "week"), "day").build())
          .returning(TOTAL, (ctx, in) -> in.get(AGG_ORDERS).size())
          .build();

  static final SolidDefinition REPORT =
      SolidDefinition.builder("report")
          .input(REPORT_TOTAL)
          .input(TITLE)
          .returning(TEXT, (ctx, in) -> in.get(TITLE) + in.get(REPORT_TOTAL))
          .build();

  static final ResourceDefinition<Warehouse> WAREHOUSE_DEF =
      ResourceDefinition.builder(ctx -> (Warehouse) new Warehouse() {})
          .config(ConfigType.shape().field("url", ConfigType.string()).build())
          .build();

  static final PipelineDefinition ORDERS_ETL = ordersEtl();

  static PipelineDefinition ordersEtl() {
    PipelineBuilder p = PipelineDefinition.builder("orders_etl").resource(WAREHOUSE, WAREHOUSE_DEF);
    SolidNode load = p.add(LOAD_ORDERS);
    SolidNode aggregate = p.add(AGGREGATE).wire(AGG_ORDERS, load.output(ORDERS));
    p.add(REPORT).wire(REPORT_TOTAL, aggregate.output(TOTAL));
    return p.build();
  }

  /** A complete, valid document for {@link #ORDERS_ETL}. */
  static final String VALID =
      """
      solids:
        load_orders:
          config:
            limit: 10
        report:
          inputs:
            title: Daily orders
      resources:
        warehouse:
          config:
            url: jdbc:h2:mem
      """;

  // ------------------------------------------------------------------ composites

  static final InputDef<Integer> LIMIT_IN = InputDef.of("limit", Integer.class);
  static final OutputDef<Integer> COUNT = OutputDef.of("count", Integer.class);

  static final SolidDefinition INNER =
      SolidDefinition.builder("inner")
          .config(ConfigType.shape().field("x", ConfigType.integer()).build())
          .returning(COUNT, (ctx, in) -> ctx.config().getInt("x"))
          .build();

  static final SolidDefinition LOAD =
      SolidDefinition.builder("load")
          .config(
              ConfigType.shape()
                  .field("limit", ConfigType.integer())
                  .field("table", ConfigType.string(), "orders")
                  .build())
          .returning(COUNT, (ctx, in) -> ctx.config().getInt("limit"))
          .build();

  /** A composite configured directly: {@code solids.c.solids.inner.config.x}. */
  static PipelineDefinition unmappedComposite() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("c").output(COUNT);
    c.mapOutput(COUNT, c.add(INNER).output(COUNT));
    PipelineBuilder p = PipelineDefinition.builder("nested");
    p.add(c.build());
    return p.build();
  }

  /** A composite with config {@code rows} mapped onto {@code load.config.limit} by {@code mapping}. */
  static PipelineDefinition mappedComposite(
      io.solidstream.api.function.SerializableFunction<io.solidstream.api.config.Config, Map<String, Object>> mapping) {
    CompositeSolidDefinition.Builder c =
        CompositeSolidDefinition.builder("ingest")
            .output(COUNT)
            .config(ConfigType.shape().field("rows", ConfigType.integer()).build(), mapping);
    c.mapOutput(COUNT, c.add(LOAD).output(COUNT));
    PipelineBuilder p = PipelineDefinition.builder("ingest_pipeline");
    p.add(c.build());
    return p.build();
  }

  static final PipelineDefinition MAPPED_COMPOSITE =
      mappedComposite(cfg -> Map.of("load", Map.of("config", Map.of("limit", cfg.getInt("rows")))));

  // ------------------------------------------------------------------ a -> b for selection

  static final InputDef<Integer> X = InputDef.of("x", Integer.class);
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final SolidDefinition SOURCE = SolidDefinition.builder("a").returning(OUT, (ctx, in) -> 1).build();
  static final SolidDefinition PLUS_ONE = SolidDefinition.function("b", X, OUT, x -> x + 1);

  /** {@code a -> b -> c}. */
  static PipelineDefinition chain() {
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode a = p.add(SOURCE);
    SolidNode b = p.add(PLUS_ONE).wire(X, a.output(OUT));
    p.add(PLUS_ONE, "c").wire(X, b.output(OUT));
    return p.build();
  }

  /** {@link #VALID} with {@code solids.aggregate.inputs} holding the given YAML lines. */
  static String withAggregateInputs(String... lines) {
    StringBuilder section = new StringBuilder("  aggregate:\n    inputs:\n");
    for (String line : lines) {
      section.append("      ").append(line).append('\n');
    }
    return VALID.replace("  report:\n", section + "  report:\n");
  }

  static RunRequest yaml(String yaml) {
    return RunRequest.of(RunConfig.fromYaml(yaml));
  }

  static RunRequest yaml(String yaml, Map<String, String> env) {
    return RunRequest.builder()
        .runConfig(RunConfig.fromYaml(yaml))
        .environment(EnvironmentLookup.of(env))
        .build();
  }

  // ------------------------------------------------------------------ the corpus

  /**
   * One invalid run config: the pipeline, the request, the exact paths of the errors and fragments
   * that the message must contain.
   */
  record ConfigCase(
      String name, PipelineDefinition pipeline, RunRequest request, List<String> paths, List<String> fragments) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ConfigCase errorCase(
      String name, PipelineDefinition pipeline, RunRequest request, List<String> paths, String... fragments) {
    return new ConfigCase(name, pipeline, request, paths, List.of(fragments));
  }

  static Stream<ConfigCase> invalidRunConfigs() {
    return Stream.of(
        errorCase(
            "a string where an Int is expected",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: ten")),
            List.of("solids.load_orders.config.limit"),
            "solids.load_orders.config.limit: expected Int, received String \"ten\""),
        errorCase(
            "a missing required config field comes with a sample",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "mode: FAST")),
            List.of("solids.load_orders.config"),
            "solids.load_orders.config: missing required field 'limit' (Int). Add:",
            "limit: 0  # Int"),
        errorCase(
            "a missing solids section names every solid that needs config",
            ORDERS_ETL,
            yaml(
                """
                resources:
                  warehouse:
                    config:
                      url: jdbc:h2:mem
                """),
            List.of("<root>"),
            "missing required field 'solids'",
            "load_orders:",
            "limit: 0  # Int",
            "title: "),
        errorCase(
            "an unknown solid under solids, with a suggestion",
            ORDERS_ETL,
            yaml(VALID.replace("  report:", "  reprot:")),
            List.of("solids", "solids"),
            "unknown field 'reprot'; allowed fields: load_orders, aggregate, report; did you mean 'report'?",
            "missing required field 'report'"),
        errorCase(
            "an unknown key in a solid section",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: 10\n      limt: 20")),
            List.of("solids.load_orders.config"),
            "solids.load_orders.config: unknown field 'limt'; allowed fields: limit, mode, source; did you mean"
                + " 'limit'?"),
        errorCase(
            "an enum value that is not allowed",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: 10\n      mode: QUICK")),
            List.of("solids.load_orders.config.mode"),
            "solids.load_orders.config.mode:", "FAST", "SAFE", "QUICK"),
        errorCase(
            "missing resource config",
            ORDERS_ETL,
            yaml(VALID.substring(0, VALID.indexOf("resources:"))),
            List.of("<root>"),
            "missing required field 'resources'",
            "warehouse:",
            "url: "),
        errorCase(
            "an unset environment variable",
            ORDERS_ETL,
            yaml(VALID.replace("url: jdbc:h2:mem", "url: {env: WAREHOUSE_URL}"), Map.of("OTHER", "x")),
            List.of("resources.warehouse.config.url"),
            "resources.warehouse.config.url: environment variable 'WAREHOUSE_URL' is not set; set it, or give a fallback: {env: WAREHOUSE_URL, default: ...}"),
        errorCase(
            "an environment variable that does not fit the type",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: {env: LIMIT}"), Map.of("LIMIT", "lots")),
            List.of("solids.load_orders.config.limit"),
            "solids.load_orders.config.limit:", "environment variable 'LIMIT'", "lots"),
        errorCase(
            "a selector with two keys",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: 10\n      source: {file: o.csv, table: orders}")),
            List.of("solids.load_orders.config.source"),
            "solids.load_orders.config.source: expected exactly one of the keys file, table; received 2: file,"
                + " table"),
        errorCase(
            "a selector with an unknown option",
            ORDERS_ETL,
            yaml(VALID.replace("limit: 10", "limit: 10\n      source: {fiel: o.csv}")),
            List.of("solids.load_orders.config.source"),
            "unknown option 'fiel'; allowed options: file, table; did you mean 'file'?"),
        errorCase(
            "a missing required input from config",
            ORDERS_ETL,
            yaml(VALID.replace("    inputs:\n      title: Daily orders\n", "    inputs: {}\n")),
            List.of("solids.report.inputs"),
            "solids.report.inputs: missing required field 'title' (String). Add:",
            "title: \"...\"  # String"),
        errorCase(
            "an input from config of the wrong scalar type",
            ORDERS_ETL,
            yaml(VALID.replace("title: Daily orders", "title: [1, 2]")),
            List.of("solids.report.inputs.title"),
            "solids.report.inputs.title: expected String, received List"),
        errorCase(
            "an input from config that cannot be converted to its record type",
            ORDERS_ETL,
            yaml(withAggregateInputs("extra: {id: o9, quantity: many}")),
            List.of("solids.aggregate.inputs.extra"),
            "solids.aggregate.inputs.extra: cannot convert the value to "
                + Order.class.getName(),
            "many"),
        errorCase(
            "an input from config that fails its type's check",
            ORDERS_ETL,
            yaml(withAggregateInputs("threshold: -3")),
            List.of("solids.aggregate.inputs.threshold"),
            "solids.aggregate.inputs.threshold: expected a positive integer (type Integer), got -3"),
        errorCase(
            "config for a solid that takes none",
            ORDERS_ETL,
            yaml(VALID.replace("  report:\n", "  report:\n    config: {verbose: true}\n")),
            List.of("solids.report"),
            "solids.report: unknown field 'config'; allowed fields: inputs"),
        errorCase(
            "a composite config mapping that produces invalid inner config",
            mappedComposite(cfg -> Map.of("load", Map.of("config", Map.of("limit", "n" + cfg.getInt("rows"))))),
            yaml("solids: {ingest: {config: {rows: 5}}}"),
            List.of("solids.ingest.solids.load.config.limit"),
            "solids.ingest.solids.load.config.limit: expected Int, received String \"n5\"",
            "produced by the config mapping of composite solid 'ingest' from solids.ingest.config"),
        errorCase(
            "a composite config mapping that throws",
            mappedComposite(cfg -> { throw new IllegalStateException("no rows"); }),
            yaml("solids: {ingest: {config: {rows: 5}}}"),
            List.of("solids.ingest.config"),
            "solids.ingest.config: the config mapping of composite solid 'ingest' threw",
            "no rows"),
        errorCase(
            "the composite's own config of the wrong type",
            MAPPED_COMPOSITE,
            yaml("solids: {ingest: {config: {rows: five}}}"),
            List.of("solids.ingest.config.rows"),
            "solids.ingest.config.rows: expected Int, received String \"five\""),
        errorCase(
            "inner config given on a composite that maps its own config",
            MAPPED_COMPOSITE,
            yaml("solids: {ingest: {config: {rows: 5}, solids: {load: {config: {limit: 5}}}}}"),
            List.of("solids.ingest"),
            "solids.ingest: unknown field 'solids'; allowed fields: config"),
        errorCase(
            "a composite without mapping and a wrong inner value",
            unmappedComposite(),
            yaml("solids: {c: {solids: {inner: {config: {x: 1.5}}}}}"),
            List.of("solids.c.solids.inner.config.x"),
            "solids.c.solids.inner.config.x: expected Int, received Float 1.5"),
        errorCase(
            "a composite without mapping and missing inner config",
            unmappedComposite(),
            yaml("solids: {c: {solids: {inner: {config: {}}}}}"),
            List.of("solids.c.solids.inner.config"),
            "solids.c.solids.inner.config: missing required field 'x' (Int). Add:",
            "x: 0  # Int"),
        errorCase(
            "a subset whose input is wired from an unselected solid",
            chain(),
            RunRequest.builder().selection("b").build(),
            List.of("<root>"),
            "missing required field 'solids'",
            "b:",
            "x: 0  # Int"),
        errorCase(
            "a subset input given with the wrong type",
            chain(),
            RunRequest.builder().selection("b").runConfig(RunConfig.fromYaml("solids: {b: {inputs: {x: one}}}"))
                .build(),
            List.of("solids.b.inputs.x"),
            "solids.b.inputs.x: expected Int, received String \"one\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRunConfigs")
  void invalidRunConfigIsRejectedWithPathExpectedAndReceived(ConfigCase c) {
    RunConfigException e =
        catchThrowableOfType(() -> ExecutionPlan.create(c.pipeline(), c.request()), RunConfigException.class);

    assertThat(e).as("a RunConfigException").isNotNull();
    assertThat(e.pipelineName()).isEqualTo(c.pipeline().name());
    assertThat(e.errors()).extracting(ConfigError::path).containsExactlyElementsOf(c.paths());
    assertThat(e.getMessage())
        .startsWith("Invalid run config for pipeline '" + c.pipeline().name() + "': " + c.paths().size() + " error")
        .contains(c.fragments());
  }

  @Test
  void oneDocumentWithManyMistakesReportsThemAllAtOnce() {
    // Given a document with six different mistakes, in the schema and in the values of inputs
    String yaml =
        """
        solids:
          load_orders:
            config:
              limit: ten
              mode: QUICK
              limt: 5
          aggregate:
            config: {group_by: month}
            inputs:
              extra: {id: o9, quantity: many}
          reprot:
            inputs:
              title: Daily orders
        resources:
          warehouse:
            config:
              url: {env: WAREHOUSE_URL}
        """;

    // When it is planned
    RunConfigException e =
        catchThrowableOfType(
            () -> ExecutionPlan.create(ORDERS_ETL, yaml(yaml, Map.of())), RunConfigException.class);

    // Then every mistake is reported with its path, in one exception
    assertThat(e.errors())
        .extracting(ConfigError::path)
        .containsExactlyInAnyOrder(
            "solids.load_orders.config.limit",
            "solids.load_orders.config.mode",
            "solids.load_orders.config",
            "solids.aggregate.config.group_by",
            "solids.aggregate.inputs.extra",
            "solids",
            "solids",
            "resources.warehouse.config.url");
    assertThat(e.getMessage())
        .startsWith("Invalid run config for pipeline 'orders_etl': 8 errors")
        .contains("expected Int, received String \"ten\"")
        .contains("unknown field 'limt'")
        .contains("unknown field 'reprot'")
        .contains("did you mean 'report'?")
        .contains("missing required field 'report'")
        .contains("cannot convert the value to " + Order.class.getName())
        .contains("environment variable 'WAREHOUSE_URL' is not set");
  }

  @Test
  void unknownSolidInSelectionIsRejectedListingTheSolids() {
    RunRequest request = RunRequest.builder().selection("*d").build();

    assertThatThrownBy(() -> ExecutionPlan.create(chain(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'d'")
        .hasMessageContaining("a, b, c");
  }

  // ------------------------------------------------------------------ valid configs

  @Test
  void validConfigResolvesDefaultsIntoTheSteps() {
    ExecutionPlan plan = ExecutionPlan.create(ORDERS_ETL, yaml(VALID));

    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("load_orders", "aggregate", "report");
    assertThat(plan.step("load_orders").config().getInt("limit")).isEqualTo(10);
    assertThat(plan.step("load_orders").config().getString("mode")).isEqualTo("SAFE");
    assertThat(plan.step("aggregate").config().getString("group_by")).isEqualTo("day");
    assertThat(plan.resources().get("warehouse").config().getString("url")).isEqualTo("jdbc:h2:mem");
  }

  @Test
  void environmentSourceIsResolvedFromTheRequestsEnvironment() {
    RunRequest request =
        yaml(
            VALID.replace("limit: 10", "limit: {env: LIMIT}").replace("url: jdbc:h2:mem", "url: {env: URL}"),
            Map.of("LIMIT", "25", "URL", "jdbc:pg://db"));

    ExecutionPlan plan = ExecutionPlan.create(ORDERS_ETL, request);

    assertThat(plan.step("load_orders").config().getInt("limit")).isEqualTo(25);
    assertThat(plan.resources().get("warehouse").config().getString("url")).isEqualTo("jdbc:pg://db");
  }

  @Test
  void inputsFromConfigBecomeConstantsWithTheConvertedValue() {
    // Given a title, a record-typed input and an explicit threshold in run config
    RunRequest request =
        yaml(withAggregateInputs("extra: {id: o9, quantity: 3}", "threshold: 7"));

    // When planned
    ExecutionPlan plan = ExecutionPlan.create(ORDERS_ETL, request);

    // Then each lands as a constant of the input's Java type, and wired inputs read their upstream
    assertThat(plan.step("report").inputs().get("title"))
        .isEqualTo(new StepSource.Constant("Daily orders", "run config solids.report.inputs.title"));
    assertThat(plan.step("aggregate").inputs().get("extra"))
        .isInstanceOfSatisfying(
            StepSource.Constant.class, c -> assertThat(c.value()).isEqualTo(new Order("o9", 3)));
    assertThat(plan.step("aggregate").inputs().get("threshold"))
        .isInstanceOfSatisfying(StepSource.Constant.class, c -> assertThat(c.value()).isEqualTo(7));
    assertThat(plan.step("aggregate").inputs().get("orders"))
        .isEqualTo(new StepSource.FromStep(StepOutputKey.of("load_orders", "orders")));
  }

  @Test
  void unwiredInputsWithoutConfigFallBackToDefaultOrAbsent() {
    ExecutionPlan plan = ExecutionPlan.create(ORDERS_ETL, yaml(VALID));

    assertThat(plan.step("aggregate").inputs().get("threshold"))
        .isInstanceOfSatisfying(StepSource.Constant.class, c -> assertThat(c.value()).isEqualTo(1));
    assertThat(plan.step("aggregate").inputs().get("extra")).isEqualTo(new StepSource.Absent());
  }

  @Test
  void compositeConfigMappingIsAppliedToTheInnerStep() {
    ExecutionPlan plan =
        ExecutionPlan.create(MAPPED_COMPOSITE, yaml("solids: {ingest: {config: {rows: 5}}}"));

    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("ingest.load");
    assertThat(plan.step("ingest.load").config().getInt("limit")).isEqualTo(5);
    assertThat(plan.step("ingest.load").config().getString("table")).isEqualTo("orders");
  }

  @Test
  void compositeWithoutMappingIsConfiguredPerInnerSolid() {
    ExecutionPlan plan =
        ExecutionPlan.create(unmappedComposite(), yaml("solids: {c: {solids: {inner: {config: {x: 3}}}}}"));

    assertThat(plan.step("c.inner").config().getInt("x")).isEqualTo(3);
  }

  @Test
  void selectionWithAncestorsPlansTheSolidAndItsUpstream() {
    ExecutionPlan plan = ExecutionPlan.create(chain(), RunRequest.builder().selection("*b").build());

    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("a", "b");
    assertThat(plan.selectedSolids()).containsExactly("a", "b");
  }

  @Test
  void selectionWithOneHopDownstreamPlansTheSolidAndItsChild() {
    ExecutionPlan plan = ExecutionPlan.create(chain(), RunRequest.builder().selection("a+").build());

    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("a", "b");
  }

  @Test
  void subsetInputFromUnselectedSolidIsTakenFromConfig() {
    // Given only b is selected and its input x, wired from a, is given in run config
    RunRequest request =
        RunRequest.builder()
            .selection("b")
            .runConfig(RunConfig.fromYaml("solids: {b: {inputs: {x: 41}}}"))
            .build();

    // When planned
    ExecutionPlan plan = ExecutionPlan.create(chain(), request);

    // Then b is the only step and reads the constant
    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("b");
    assertThat(plan.step("b").inputs().get("x"))
        .isEqualTo(new StepSource.Constant(41, "run config solids.b.inputs.x"));
  }

  @Test
  void subsetRunAcceptsAndIgnoresConfigOfUnselectedSolids() {
    // Given the config file of a full run, with an entry for unselected a and garbage for c
    RunRequest request =
        RunRequest.builder()
            .selection("b")
            .runConfig(RunConfig.fromYaml("solids: {a: {config: {anything: 1}}, b: {inputs: {x: 41}}, c: 7}"))
            .build();

    // When planned, then only b runs and the other entries are not validated
    ExecutionPlan plan = ExecutionPlan.create(chain(), request);
    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("b");
  }

  @Test
  void subsetInputWithADefaultMayBeLeftOutOfConfig() {
    // Given d's input, wired from a, has a default
    InputDef<Integer> withDefault = InputDef.of("x", Integer.class).withDefault(7);
    PipelineBuilder p = PipelineDefinition.builder("defaults");
    SolidNode a = p.add(SOURCE);
    p.add(SolidDefinition.function("d", withDefault, OUT, x -> x), "d").wire(withDefault, a.output(OUT));
    PipelineDefinition pipeline = p.build();

    // When only d is selected and no config is given
    ExecutionPlan plan = ExecutionPlan.create(pipeline, RunRequest.builder().selection("d").build());

    // Then the default is used instead of demanding solids.d.inputs.x
    assertThat(plan.step("d").inputs().get("x"))
        .isEqualTo(new StepSource.Constant(7, "the default value of input 'x'"));
  }

  @Test
  void subsetCompositeInputFromUnselectedSolidIsTakenFromConfig() {
    // Given a -> wrap, a composite whose input x feeds its inner solid b
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("wrap").input(X).output(OUT);
    c.mapOutput(OUT, c.add(PLUS_ONE).wire(X, c.from(X)).output(OUT));
    PipelineBuilder p = PipelineDefinition.builder("wrapped");
    SolidNode a = p.add(SOURCE);
    p.add(c.build()).wire(X, a.output(OUT));
    PipelineDefinition pipeline = p.build();

    // When only wrap is selected and x is given in run config
    RunRequest request =
        RunRequest.builder()
            .selection("wrap")
            .runConfig(RunConfig.fromYaml("solids: {wrap: {inputs: {x: 5}}}"))
            .build();
    ExecutionPlan plan = ExecutionPlan.create(pipeline, request);

    // Then the inner step reads the config value, not the unselected step a
    assertThat(plan.steps()).extracting(ExecutionStep::key).containsExactly("wrap.b");
    assertThat(plan.step("wrap.b").inputs().get("x"))
        .isEqualTo(new StepSource.Constant(5, "run config solids.wrap.inputs.x"));
  }

  @Test
  void configMappingErrorsCarryNoSampleBecauseTheUserCannotAddThere() {
    PipelineDefinition pipeline = mappedComposite(cfg -> Map.of("load", Map.of("config", Map.of())));

    RunConfigException e =
        catchThrowableOfType(
            () -> ExecutionPlan.create(pipeline, yaml("solids: {ingest: {config: {rows: 5}}}")),
            RunConfigException.class);

    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.path()).isEqualTo("solids.ingest.solids.load.config");
      assertThat(error.hasSample()).isFalse();
      assertThat(error.message())
          .isEqualTo("missing required field 'limit' (Int) (produced by the config mapping of composite solid"
              + " 'ingest' from solids.ingest.config; fix the mapping or the composite's config)");
    });
  }

  @Test
  void explicitNullForAnOptionalConfigInputLeavesItAbsent() {
    ExecutionPlan plan = ExecutionPlan.create(ORDERS_ETL, yaml(withAggregateInputs("extra: null")));

    assertThat(plan.step("aggregate").inputs().get("extra")).isEqualTo(new StepSource.Absent());
  }
}
