package io.solidstream.runtime.flink.pipeline;

import static io.solidstream.runtime.flink.pipeline.Solids.ALL;
import static io.solidstream.runtime.flink.pipeline.Solids.FAN_OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.GATHER;
import static io.solidstream.runtime.flink.pipeline.Solids.IN;
import static io.solidstream.runtime.flink.pipeline.Solids.ITEMS;
import static io.solidstream.runtime.flink.pipeline.Solids.LIST;
import static io.solidstream.runtime.flink.pipeline.Solids.MAYBE;
import static io.solidstream.runtime.flink.pipeline.Solids.OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.broken;
import static io.solidstream.runtime.flink.pipeline.Solids.plusOne;
import static io.solidstream.runtime.flink.pipeline.Solids.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.CompositeSolidDefinition;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.RetryRequested;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.runtime.local.LocalRuntime;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviours of the in-process runtime's tests (retries, hooks, dynamic outputs, composites,
 * selection, resources, failures and skips, type checks, events), each run in-process and on the
 * Flink mini-cluster: the two results must match in status, outputs, step stats, failures and
 * events (the whole sequence for linear pipelines; per step where independent steps may
 * interleave). The conformance suite will run such behaviours on every runtime; this makes sure
 * they match now.
 */
class InProcessParityTest {
  static final ResourceKey<Conn> DB = ResourceKey.of("db", Conn.class);
  static final ResourceKey<Conn> CACHE = ResourceKey.of("cache", Conn.class);

  /** A serializable resource; {@code close()} fails for names starting with "bad". */
  record Conn(String name) implements AutoCloseable, Serializable {
    @Override
    public void close() throws IOException {
      if (name.startsWith("bad")) {
        throw new IOException("close failed");
      }
    }
  }

  /** How much of the event order must match. */
  enum Order { EXACT, PER_STEP }

  record Scenario(String name, Supplier<PipelineDefinition> pipeline, RunRequest request, Order order) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Scenario linear(String name, Supplier<PipelineDefinition> pipeline, RunRequest request) {
    return new Scenario(name, pipeline, request, Order.EXACT);
  }

  private static Scenario branching(String name, Supplier<PipelineDefinition> pipeline, RunRequest request) {
    return new Scenario(name, pipeline, request, Order.PER_STEP);
  }

  private static RunRequest keys(String... keys) {
    return RunRequest.of(RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of(keys))).build());
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        linear("two steps, input default", InProcessParityTest::twoSteps, RunRequest.defaults()),
        branching("failure skips only downstream", InProcessParityTest::failureInTheMiddle, RunRequest.defaults()),
        linear("materializations, expectations, logs", InProcessParityTest::observed, RunRequest.defaults()),
        linear("retry until the third attempt", () -> retrying(2, RetryPolicy.maxAttempts(3)), RunRequest.defaults()),
        linear("retries exhausted", () -> retrying(9, RetryPolicy.maxAttempts(2)), RunRequest.defaults()),
        linear("retryOn skips other exceptions",
            () -> retrying(9, RetryPolicy.maxAttempts(3).retryOn(IOException.class)), RunRequest.defaults()),
        linear("RetryRequested", InProcessParityTest::retryRequested, RunRequest.defaults()),
        branching("hooks", InProcessParityTest::hooked, RunRequest.defaults()),
        linear("composite with config mapping", InProcessParityTest::composite,
            RunRequest.of(RunConfig.fromYaml("solids: {prepare: {config: {factor: 3}}}"))),
        branching("fan-in in wiring order", InProcessParityTest::fanIn, RunRequest.defaults()),
        linear("selection *c", InProcessParityTest::selectable, RunRequest.builder().selection("*c").build()),
        linear("selection b+ with input from run config", InProcessParityTest::selectable,
            RunRequest.builder().selection("b+").runConfig(RunConfig.fromYaml("solids: {b: {inputs: {in: 41}}}")).build()),
        branching("map and collect", InProcessParityTest::mapCollect, keys("a", "b", "c", "d", "e")),
        branching("map over zero keys", InProcessParityTest::mapCollect, keys()),
        branching("one mapped step fails", InProcessParityTest::mapCollect, keys("a", "bad", "c")),
        branching("mapped output mapped again", InProcessParityTest::mapTwice, keys("x", "y", "z")),
        branching("failure in a mapped chain", InProcessParityTest::failingChain, keys("a", "bad")),
        branching("dynamic output collected directly", InProcessParityTest::directCollect, keys("q", "p", "r")),
        branching("failed producer skips mapped steps", InProcessParityTest::failedProducer, RunRequest.defaults()),
        branching("skipped producer skips the collect", InProcessParityTest::skippedProducer, RunRequest.defaults()),
        branching("resources from config, dependent, failing to close", InProcessParityTest::resources,
            RunRequest.of(RunConfig.fromYaml("resources: {db: {config: {name: main}}}"))),
        branching("replacement resource", InProcessParityTest::resources, RunRequest.builder()
            .runConfig(RunConfig.fromYaml("resources: {db: {config: {name: main}}}"))
            .resource(DB, new Conn("replaced")).build()),
        branching("resource failing to open, undeclared resource", InProcessParityTest::unavailableResource,
            RunRequest.defaults()),
        branching("type checks and optional outputs", InProcessParityTest::typeChecks, RunRequest.defaults()),
        linear("non-serializable output", InProcessParityTest::unserializableOutput, RunRequest.defaults()))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void flinkRunMatchesTheInProcessRun(Scenario scenario) {
    RunRequest request = scenario.request().toBuilder().runId("parity").build();
    RunResult local = LocalRuntime.create().execute(scenario.pipeline().get(), request);
    RunResult flink = FlinkPipelineTestRuntime.RUNTIME.submit(scenario.pipeline().get(), request)
        .await(Duration.ofSeconds(60)).orElseThrow();

    assertThat(flink.status()).as(describe(flink)).isEqualTo(local.status());
    assertThat(flink.outputs()).isEqualTo(local.outputs());
    assertThat(flink.steps()).extracting(StepStats::stepKey, StepStats::status, StepStats::attempts)
        .containsExactlyInAnyOrderElementsOf(
            local.steps().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.stepKey(), s.status(), s.attempts()))
                .toList());
    assertThat(flink.failures().keySet()).containsExactlyInAnyOrderElementsOf(local.failures().keySet());
    local.failures().forEach((step, failure) -> {
      assertThat(flink.failures().get(step)).hasMessage(failure.getMessage()).isInstanceOf(failure.getClass());
      assertThat(flink.failures().get(step).getCause()).isInstanceOf(failure.getCause().getClass());
    });
    if (scenario.order() == Order.EXACT) {
      assertThat(normalized(flink.events())).containsExactlyElementsOf(normalized(local.events()));
    } else {
      assertThat(byStep(flink.events())).isEqualTo(byStep(local.events()));
    }
  }

  private static String describe(RunResult result) {
    StringBuilder text = new StringBuilder();
    result.events().forEach(e -> text.append("\n  ").append(e.type()).append(' ').append(e.stepKey()).append(": ")
        .append(e.message()));
    return text.toString();
  }

  /** The events of each step (and of the run, under "run"), with what must match and not timings. */
  private static Map<String, List<String>> byStep(List<RunEvent> events) {
    Map<String, List<String>> steps = new LinkedHashMap<>();
    for (RunEvent event : events) {
      steps.computeIfAbsent(event.stepKey() == null ? "run" : event.stepKey(), k -> new ArrayList<>())
          .add(normalize(event));
    }
    return steps;
  }

  private static List<String> normalized(List<RunEvent> events) {
    return events.stream().map(InProcessParityTest::normalize).toList();
  }

  private static String normalize(RunEvent event) {
    String detail;
    if (event instanceof RunEvent.StepSkipped skipped) {
      detail = skipped.reason();
    } else if (event instanceof RunEvent.StepFailed failed) {
      detail = failed.error() + " attempt " + failed.attempt();
    } else if (event instanceof RunEvent.StepUpForRetry retry) {
      detail = retry.error() + " attempt " + retry.attempt() + " delay " + retry.delay();
    } else if (event instanceof RunEvent.StepStarted started) {
      detail = "attempt " + started.attempt();
    } else if (event instanceof RunEvent.StepSucceeded succeeded) {
      detail = "attempts " + succeeded.attempts();
    } else if (event instanceof RunEvent.StepOutput output) {
      detail = output.outputName() + "[" + output.mappingKey() + "] " + output.typeName() + " = " + output.valuePreview();
    } else if (event instanceof RunEvent.StepInput input) {
      detail = input.inputName() + " " + input.typeName() + " from " + input.source();
    } else if (event instanceof RunEvent.LogMessage log) {
      detail = log.level() + " " + log.text();
    } else if (event instanceof RunEvent.HookErrored hook) {
      detail = hook.hookName() + " " + hook.error();
    } else if (event instanceof RunEvent.RunFailed failed) {
      detail = failed.failedSteps().stream().sorted().toList() + " " + failed.error();
    } else if (event instanceof RunEvent.RunStarted || event instanceof RunEvent.RunSucceeded) {
      detail = "";
    } else {
      detail = event.message();
    }
    return event.type() + " " + event.stepKey() + ": " + detail;
  }

  // ------------------------------------------------------------------ pipelines

  static final InputDef<Integer> START = InputDef.of("start", Integer.class).withDefault(41);

  static PipelineDefinition twoSteps() {
    PipelineBuilder p = PipelineDefinition.builder("two_steps");
    SolidNode first = p.add(SolidDefinition.function("first", START, OUT, x -> x + 1));
    p.add(plusOne("second")).wire(IN, first.output(OUT));
    return p.build();
  }

  static PipelineDefinition failureInTheMiddle() {
    PipelineBuilder p = PipelineDefinition.builder("mixed");
    SolidNode ok = p.add(source("ok", 1));
    SolidNode bad = p.add(broken("broken")).wire(IN, ok.output(OUT));
    SolidNode skipped = p.add(plusOne("skipped")).wire(IN, bad.output(OUT));
    p.add(plusOne("skipped_too")).wire(IN, skipped.output(OUT));
    SolidNode independent = p.add(source("independent", 5));
    p.add(plusOne("after_independent")).wire(IN, independent.output(OUT));
    return p.build();
  }

  static PipelineDefinition observed() {
    PipelineBuilder p = PipelineDefinition.builder("observed");
    p.add(SolidDefinition.builder("report").returning(OUT, (ctx, in) -> {
      ctx.log().info("x {}", 1);
      ctx.log().warn("careful");
      ctx.materialize(Materialization.of(AssetKey.of("reports", "daily")).withDescription("daily report")
          .withMetadata("rows", 3));
      ctx.expect(ExpectationResult.passed("non_empty"));
      ctx.expect(ExpectationResult.failed("no_negatives").withDescription("2 negative rows"));
      return 3;
    }).build());
    return p.build();
  }

  /** A solid failing on its first {@code failures} attempts, then a step after it. */
  static PipelineDefinition retrying(int failures, RetryPolicy policy) {
    PipelineBuilder p = PipelineDefinition.builder("retrying");
    SolidNode flaky = p.add(SolidDefinition.builder("flaky").retryPolicy(policy.withDelay(Duration.ofMillis(10)))
        .returning(OUT, (ctx, in) -> {
          if (ctx.attempt() <= failures) {
            throw new IllegalStateException("flaky attempt " + ctx.attempt());
          }
          return ctx.attempt();
        }).build());
    p.add(plusOne("after")).wire(IN, flaky.output(OUT));
    return p.build();
  }

  static PipelineDefinition retryRequested() {
    PipelineBuilder p = PipelineDefinition.builder("retry_requested");
    p.add(SolidDefinition.builder("asks").returning(OUT, (ctx, in) -> {
      if (ctx.attempt() == 1) {
        throw new RetryRequested(2, Duration.ofMillis(10), new IOException("busy"));
      }
      return ctx.attempt();
    }).build());
    return p.build();
  }

  static PipelineDefinition hooked() {
    PipelineBuilder p = PipelineDefinition.builder("hooked")
        .hook(HookDefinition.onSuccess("all_ok", ctx -> ctx.log().info("ok " + ctx.stepKey())));
    SolidNode ok = p.add(source("ok", 1)).hook(HookDefinition.onSuccess("noisy", ctx -> {
      throw new IllegalStateException("hook is broken");
    }));
    p.add(broken("bad")).wire(IN, ok.output(OUT))
        .hook(HookDefinition.onFailure("on_bad", ctx -> ctx.log().warn("failed: " + ctx.failure().orElseThrow())));
    return p.build();
  }

  static final SolidDefinition SCALE = SolidDefinition.builder("scale")
      .input(IN)
      .config(ConfigType.shape().field("factor", ConfigType.integer()).build())
      .returning(OUT, (ctx, in) -> in.get(IN) * ctx.config().getInt("factor"))
      .build();
  static final InputDef<Integer> RAW = InputDef.of("raw", Integer.class);
  static final OutputDef<Integer> SCALED = OutputDef.of("scaled", Integer.class);

  static PipelineDefinition composite() {
    CompositeSolidDefinition.Builder c = CompositeSolidDefinition.builder("prepare")
        .input(RAW).output(SCALED)
        .config(ConfigType.shape().field("factor", ConfigType.integer(), 10).build(),
            cfg -> Map.of("scale", Map.of("config", Map.of("factor", cfg.getInt("factor")))));
    SolidNode inner = c.add(plusOne("plus_one")).wire(IN, c.from(RAW));
    SolidNode scale = c.add(SCALE).wire(IN, inner.output(OUT));
    CompositeSolidDefinition prepare = c.mapOutput(SCALED, scale.output(OUT)).build();
    PipelineBuilder p = PipelineDefinition.builder("with_composite");
    SolidNode first = p.add(source("source", 1));
    SolidNode prepared = p.add(prepare).wire(RAW, first.output(OUT));
    p.add(plusOne("after")).wire(IN, prepared.output(SCALED));
    return p.build();
  }

  static PipelineDefinition fanIn() {
    PipelineBuilder p = PipelineDefinition.builder("fan_in");
    SolidNode a = p.add(source("a", 1));
    SolidNode b = p.add(source("b", 2));
    SolidNode c = p.add(source("c", 3));
    p.add(GATHER).wireAll(ALL, b.output(OUT), c.output(OUT), a.output(OUT));
    return p.build();
  }

  static PipelineDefinition selectable() {
    PipelineBuilder p = PipelineDefinition.builder("selectable");
    SolidNode a = p.add(source("a", 1));
    SolidNode b = p.add(plusOne("b")).wire(IN, a.output(OUT));
    p.add(plusOne("c")).wire(IN, b.output(OUT));
    p.add(source("d", 100));
    return p.build();
  }

  static PipelineDefinition mapCollect() {
    PipelineBuilder p = PipelineDefinition.builder("map_collect");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());
    return p.build();
  }

  static PipelineDefinition mapTwice() {
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode offset = p.add(source("offset", 100));
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> plus = fan.dynamicOutput(ITEMS).map(p.add(plusOne("plus_one")), IN, OUT);
    DynamicHandle<Integer> doubled = plus.map(p.add(SolidDefinition.builder("add_offset").input(IN).input(START)
        .returning(OUT, (ctx, in) -> in.get(IN) + in.get(START)).build()).wire(START, offset.output(OUT)), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());
    return p.build();
  }

  static PipelineDefinition failingChain() {
    PipelineBuilder p = PipelineDefinition.builder("chain_failure");
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    DynamicHandle<Integer> plus = doubled.map(p.add(plusOne("plus_one")), IN, OUT);
    p.add(GATHER).wire(ALL, plus.collect());
    return p.build();
  }

  static PipelineDefinition directCollect() {
    PipelineBuilder p = PipelineDefinition.builder("direct_collect");
    SolidNode fan = p.add(FAN_OUT);
    p.add(GATHER).wire(ALL, fan.dynamicOutput(ITEMS).collect());
    return p.build();
  }

  static PipelineDefinition failedProducer() {
    PipelineBuilder p = PipelineDefinition.builder("producer_fails");
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").output(ITEMS).compute((ctx, in) -> {
      ctx.emit(ITEMS, "a", 1);
      throw new IllegalStateException("listing failed");
    }).build());
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    DynamicHandle<Integer> plus = doubled.map(p.add(plusOne("plus_one")), IN, OUT);
    p.add(GATHER).wire(ALL, plus.collect());
    return p.build();
  }

  static PipelineDefinition skippedProducer() {
    PipelineBuilder p = PipelineDefinition.builder("producer_skipped");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode fan = p.add(SolidDefinition.builder("fan_out").input(IN).output(ITEMS)
        .compute((ctx, in) -> ctx.emit(ITEMS, "a", in.get(IN))).build()).wire(IN, quiet.output(MAYBE));
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    p.add(GATHER).wire(ALL, doubled.collect());
    p.add(SolidDefinition.builder("gather_items").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL)))
        .build()).wire(ALL, fan.dynamicOutput(ITEMS).collect());
    return p.build();
  }

  static final OutputDef<String> NAME = OutputDef.of("name", String.class);

  static PipelineDefinition resources() {
    ResourceDefinition<Conn> db = ResourceDefinition.builder(ctx -> new Conn(ctx.config().getString("name")))
        .config(ConfigType.shape().field("name", ConfigType.string()).build()).build();
    ResourceDefinition<Conn> cache = ResourceDefinition.builder(ctx -> new Conn("bad cache over " + ctx.resource(DB).name()))
        .requiring(DB).build();
    PipelineBuilder p = PipelineDefinition.builder("resources").resource(DB, db).resource(CACHE, cache);
    p.add(SolidDefinition.builder("reads_db").requires(DB).returning(NAME, (ctx, in) -> ctx.resource(DB).name())
        .build());
    p.add(SolidDefinition.builder("reads_cache").requires(CACHE)
        .returning(NAME, (ctx, in) -> ctx.resource(CACHE).name()).build());
    return p.build();
  }

  static PipelineDefinition unavailableResource() {
    PipelineBuilder p = PipelineDefinition.builder("unavailable")
        .resource(DB, ResourceDefinition.of(ctx -> {
          throw new IOException("connection refused");
        }));
    SolidNode reads = p.add(SolidDefinition.builder("reads").requires(DB)
        .returning(NAME, (ctx, in) -> ctx.resource(DB).name()).build());
    p.add(SolidDefinition.builder("after").input(InputDef.of("name", String.class)).returning(OUT, (ctx, in) -> 1)
        .build()).wire(InputDef.of("name", String.class), reads.output(NAME));
    p.add(SolidDefinition.builder("sneaky").returning(NAME, (ctx, in) -> ctx.resource(DB).name()).build());
    return p.build();
  }

  static final InputDef<Integer> OPTIONAL_IN = InputDef.of("optional_in", Integer.class).optional();

  @SuppressWarnings({"unchecked", "rawtypes"})
  static PipelineDefinition typeChecks() {
    PipelineBuilder p = PipelineDefinition.builder("types");
    p.add(SolidDefinition.builder("liar").output(OUT).retryPolicy(RetryPolicy.maxAttempts(3))
        .compute((ctx, in) -> ctx.emit((OutputDef) OUT, "not a number")).build());
    p.add(SolidDefinition.builder("silent").output(OUT).compute((ctx, in) -> { }).build());
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    p.add(plusOne("needs_it")).wire(IN, quiet.output(MAYBE));
    p.add(SolidDefinition.builder("copes").input(OPTIONAL_IN)
        .returning(OUT, (ctx, in) -> in.has(OPTIONAL_IN) ? in.get(OPTIONAL_IN) : -1).build())
        .wire(OPTIONAL_IN, quiet.output(MAYBE));
    return p.build();
  }

  static final OutputDef<Object> ANYTHING = OutputDef.of("anything", Object.class);

  static PipelineDefinition unserializableOutput() {
    PipelineBuilder p = PipelineDefinition.builder("unserializable");
    p.add(SolidDefinition.builder("leaky").returning(ANYTHING, (ctx, in) -> new Object()).build());
    return p.build();
  }
}
