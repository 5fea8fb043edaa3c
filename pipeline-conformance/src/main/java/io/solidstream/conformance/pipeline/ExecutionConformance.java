package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.ALL;
import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.IN2;
import static io.solidstream.conformance.pipeline.Solids.MAYBE;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution and wiring: dependency order, fan-out and fan-in, list inputs, aliases, several
 * outputs, optional outputs and the skips they cause, values passed between steps, and what a
 * solid sees of itself in its context.
 */
public abstract class ExecutionConformance extends PipelineConformance {
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});
  static final InputDef<Integer> OPTIONAL_IN = InputDef.of("opt", Integer.class).optional();

  /** A value with structure, passed between steps. */
  public record Order(String id, long cents, List<String> tags) implements Serializable {}

  static final OutputDef<List<Order>> ORDERS_OUT = OutputDef.of("orders", new TypeRef<>() {});
  static final InputDef<List<Order>> ORDERS_IN = InputDef.of("orders", new TypeRef<>() {});
  static final OutputDef<Map<String, Long>> TOTALS = OutputDef.of("totals", new TypeRef<>() {});
  static final OutputDef<Integer> EVENS = OutputDef.of("evens", Integer.class);
  static final OutputDef<Integer> ODDS = OutputDef.of("odds", Integer.class);
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);

  @Test
  void everyStepRunsAfterItsUpstreamStepsInADiamond() {
    // Given a diamond a -> (b, c) -> d: a fans out to b and c, d fans in from both
    Journal ran = journal("ran");
    PipelineBuilder p = PipelineDefinition.builder("diamond");
    SolidNode a = p.add(constant("a", 1, ran));
    SolidNode b = p.add(plusOne("b", ran)).wire(IN, a.output(OUT));
    SolidNode c = p.add(plusOne("c", ran)).wire(IN, a.output(OUT));
    p.add(SolidDefinition.builder("d").input(IN).input(IN2).returning(OUT, (ctx, in) -> {
      ran.write(ctx.stepKey());
      return in.get(IN) + in.get(IN2);
    }).build()).wire(IN, b.output(OUT)).wire(IN2, c.output(OUT));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(ran.entries()).hasSize(4).startsWith("a").endsWith("d").contains("b", "c");
    assertThat(result.output("b", OUT)).isEqualTo(2);
    assertThat(result.output("c", OUT)).isEqualTo(2);
    assertThat(result.output("d", OUT)).isEqualTo(4);
    assertThat(result.steps()).extracting(StepStats::stepKey).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(result.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SUCCESS));
  }

  @Test
  void independentChainsEachRunInTheirOwnOrder() {
    Journal ran = journal("ran");
    PipelineBuilder p = PipelineDefinition.builder("chains");
    SolidNode a = p.add(constant("a", 1, ran));
    SolidNode b = p.add(plusOne("b", ran)).wire(IN, a.output(OUT));
    p.add(plusOne("c", ran)).wire(IN, b.output(OUT));
    SolidNode x = p.add(constant("x", 10, ran));
    p.add(plusOne("y", ran)).wire(IN, x.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    List<String> order = ran.entries();
    assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "x", "y");
    assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
    assertThat(order.indexOf("b")).isLessThan(order.indexOf("c"));
    assertThat(order.indexOf("x")).isLessThan(order.indexOf("y"));
    assertThat(result.output("c", OUT)).isEqualTo(3);
    assertThat(result.output("y", OUT)).isEqualTo(11);
  }

  @Test
  void listInputReceivesTheFannedInValuesInWiringOrder() {
    // Given three sources wired in the order b, c, a
    PipelineBuilder p = PipelineDefinition.builder("fan_in");
    SolidNode a = p.add(constant("a", 1));
    SolidNode b = p.add(constant("b", 2));
    SolidNode c = p.add(constant("c", 3));
    p.add(SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build())
        .wireAll(ALL, b.output(OUT), c.output(OUT), a.output(OUT));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("gather", LIST)).containsExactly(2, 3, 1);
  }

  @Test
  void listInputLeavesOutOptionalOutputsThatWereNotEmitted() {
    PipelineBuilder p = PipelineDefinition.builder("fan_in_optional");
    SolidNode one = p.add(constant("one", 1));
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode loud = p.add(SolidDefinition.builder("loud").returning(MAYBE, (ctx, in) -> 3).build());
    p.add(SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build())
        .wireAll(ALL, one.output(OUT), quiet.output(MAYBE), loud.output(MAYBE));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("gather", LIST)).containsExactly(1, 3);
    assertThat(result.hasOutput("quiet", "maybe")).isFalse();
  }

  @Test
  void aliasesRunTheSameSolidTwiceWithTheirOwnConfig() {
    // Given the solid scale used as "double" and as "triple"
    SolidDefinition scale = SolidDefinition.builder("scale")
        .input(IN)
        .config(ConfigType.shape().field("factor", ConfigType.integer()).build())
        .returning(OUT, (ctx, in) -> in.get(IN) * ctx.config().getInt("factor"))
        .build();
    PipelineBuilder p = PipelineDefinition.builder("aliases");
    SolidNode source = p.add(constant("source", 5));
    p.add(scale, "double").wire(IN, source.output(OUT));
    p.add(scale, "triple").wire(IN, source.output(OUT));

    // When
    RunResult result = execute(p.build(), RunRequest.of(RunConfig.builder()
        .solidConfig("double", Map.of("factor", 2))
        .solidConfig("triple", Map.of("factor", 3))
        .build()));

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("double", OUT)).isEqualTo(10);
    assertThat(result.output("triple", OUT)).isEqualTo(15);
    assertThat(result.eventsOf(RunEvent.StepSucceeded.class)).extracting(RunEvent::stepKey)
        .containsExactlyInAnyOrder("source", "double", "triple");
  }

  @Test
  void aSolidWithSeveralOutputsFeedsEachToItsOwnConsumer() {
    PipelineBuilder p = PipelineDefinition.builder("split");
    SolidNode split = p.add(SolidDefinition.builder("split").output(EVENS).output(ODDS).compute((ctx, in) -> {
      ctx.emit(ODDS, 1 + 3 + 5);
      ctx.emit(EVENS, 2 + 4);
    }).build());
    p.add(plusOne("evens_plus_one")).wire(IN, split.output(EVENS));
    p.add(plusOne("odds_plus_one")).wire(IN, split.output(ODDS));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("evens_plus_one", OUT)).isEqualTo(7);
    assertThat(result.output("odds_plus_one", OUT)).isEqualTo(10);
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).filteredOn(o -> o.stepKey().equals("split"))
        .extracting(RunEvent.StepOutput::outputName).containsExactly("odds", "evens");
  }

  @Test
  void structuredValuesArriveDownstreamEqualToWhatWasEmitted() {
    // Given a list of records, flowing into a solid that totals them per tag
    List<Order> orders = List.of(
        new Order("o1", 1_250, List.of("books")),
        new Order("o2", 999, List.of("books", "gifts")),
        new Order("o3", 100, List.of()));
    PipelineBuilder p = PipelineDefinition.builder("values");
    SolidNode load = p.add(SolidDefinition.builder("load").returning(ORDERS_OUT, (ctx, in) -> orders).build());
    p.add(SolidDefinition.builder("totals").input(ORDERS_IN).returning(TOTALS, (ctx, in) -> {
      Map<String, Long> totals = new java.util.TreeMap<>();
      for (Order order : in.get(ORDERS_IN)) {
        order.tags().forEach(tag -> totals.merge(tag, order.cents(), Long::sum));
      }
      return totals;
    }).build()).wire(ORDERS_IN, load.output(ORDERS_OUT));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(result.output("load", ORDERS_OUT)).isEqualTo(orders);
    assertThat(result.output("totals", TOTALS)).containsExactly(Map.entry("books", 2_249L), Map.entry("gifts", 999L));
  }

  @Test
  void theContextTellsTheSolidItsNameHandleStepRunAndAttempt() {
    SolidDefinition whoAmI = SolidDefinition.builder("who_am_i").returning(TEXT, (ctx, in) ->
        ctx.solidName() + " " + ctx.solidHandle() + " " + ctx.stepKey() + " " + ctx.runId() + " "
            + ctx.attempt() + " " + ctx.mappingKey().orElse("-") + " " + ctx.isCancelled()).build();
    PipelineBuilder p = PipelineDefinition.builder("identity");
    p.add(whoAmI, "me");

    RunResult result = execute(p.build(), RunRequest.builder().runId("run_42").build());

    assertThat(result.output("me", TEXT)).isEqualTo("who_am_i me me run_42 1 - false");
  }

  @Test
  void unemittedOptionalOutputSkipsDownstreamButOptionalInputsJustSeeItAbsent() {
    // Given quiet (optional output, not emitted) -> needs_it -> after_it, and quiet -> tolerant (optional input)
    PipelineBuilder p = PipelineDefinition.builder("optional_outputs");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    SolidNode needsIt = p.add(plusOne("needs_it")).wire(IN, quiet.output(MAYBE));
    p.add(plusOne("after_it")).wire(IN, needsIt.output(OUT));
    p.add(SolidDefinition.builder("tolerant").input(OPTIONAL_IN)
        .returning(TEXT, (ctx, in) -> in.has(OPTIONAL_IN) ? "present" : "absent").build())
        .wire(OPTIONAL_IN, quiet.output(MAYBE));

    // When
    RunResult result = execute(p.build());

    // Then the run succeeds: skipping for a missing optional output is not a failure
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.output("tolerant", TEXT)).isEqualTo("absent");
    assertThat(result.eventsOf(RunEvent.StepSkipped.class))
        .extracting(RunEvent.StepSkipped::stepKey).containsExactlyInAnyOrder("needs_it", "after_it");
    assertThat(result.eventsOf(RunEvent.StepSkipped.class)).filteredOn(s -> s.stepKey().equals("needs_it"))
        .singleElement().satisfies(s -> assertThat(s.reason()).contains("input 'in'", "quiet.maybe", "not emitted"));
    assertThat(result.hasOutput("quiet", "maybe")).isFalse();
    assertThat(result.step("needs_it").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.step("after_it").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.step("tolerant").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void emittedOptionalOutputFlowsDownstream() {
    PipelineBuilder p = PipelineDefinition.builder("optional_emitted");
    SolidNode loud = p.add(SolidDefinition.builder("loud").returning(MAYBE, (ctx, in) -> 5).build());
    p.add(plusOne("needs_it")).wire(IN, loud.output(MAYBE));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("loud", MAYBE)).isEqualTo(5);
    assertThat(result.output("needs_it", OUT)).isEqualTo(6);
  }
}
