package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCheckTest {
  static final DataType<Integer> POSITIVE = DataType.of(Integer.class).withCheck("a positive integer", v -> v > 0);
  static final InputDef<Integer> N = InputDef.of("n", POSITIVE);
  static final OutputDef<Integer> MAYBE = OutputDef.of("maybe", Integer.class).optional();
  static final InputDef<Integer> OPTIONAL_IN = InputDef.of("opt", Integer.class).optional();

  private static RunResult run(PipelineBuilder p) {
    return LocalRuntime.create().execute(p.build());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void outputOfTheWrongRuntimeTypeFailsTheStepWithoutRetry() {
    // Given a solid that emits a String on an Integer output through a raw type
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("raw");
    p.add(SolidDefinition.builder("liar").output(OUT).retryPolicy(RetryPolicy.maxAttempts(3))
        .compute((ctx, in) -> {
          attempts.add(ctx.attempt());
          ctx.emit((OutputDef) OUT, "not a number");
        }).build());

    // When
    RunResult result = run(p);

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts).as("a type error is not retried").containsExactly(1);
    assertThat(result.failures().get("liar"))
        .hasMessageContaining("output 'out'")
        .hasMessageContaining("step 'liar'")
        .hasMessageContaining("expected Integer")
        .hasMessageContaining("got java.lang.String");
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).isEmpty();
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement()
        .satisfies(f -> assertThat(f.error().message()).contains("output 'out'", "expected Integer"));
  }

  @Test
  void nullOnARequiredOutputFailsTheTypeCheck() {
    PipelineBuilder p = PipelineDefinition.builder("nulls");
    p.add(SolidDefinition.builder("nothing").returning(OUT, (ctx, in) -> null).build());

    RunResult result = run(p);

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("nothing")).hasMessageContaining("output 'out'").hasMessageContaining("got null");
  }

  @Test
  void inputFailingACustomCheckFailsTheStepBeforeCompute() {
    // Given an upstream value -5 flowing into an input that requires a positive integer
    List<String> computed = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("custom_check");
    SolidNode source = p.add(TestSolids.source("source", -5, new ArrayList<>()));
    p.add(SolidDefinition.builder("checked").input(N).returning(OUT, (ctx, in) -> {
      computed.add("checked");
      return in.get(N);
    }).build()).wire(N, source.output(OUT));

    // When
    RunResult result = run(p);

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(computed).isEmpty();
    assertThat(result.failures().get("checked"))
        .hasMessageContaining("input 'n'")
        .hasMessageContaining("step 'checked'")
        .hasMessageContaining("expected a positive integer")
        .hasMessageContaining("got -5");
    assertThat(result.eventsFor("checked")).extracting(RunEvent::type)
        .containsExactly(EventType.STEP_STARTED, EventType.STEP_FAILED);
  }

  @Test
  void outputFailingACustomCheckFailsTheStep() {
    OutputDef<Integer> positiveOut = OutputDef.of("positive", POSITIVE);
    PipelineBuilder p = PipelineDefinition.builder("custom_output");
    p.add(SolidDefinition.builder("negative").returning(positiveOut, (ctx, in) -> -1).build());

    RunResult result = run(p);

    assertThat(result.failures().get("negative"))
        .hasMessageContaining("output 'positive'")
        .hasMessageContaining("step 'negative'")
        .hasMessageContaining("expected a positive integer")
        .hasMessageContaining("got -1");
  }

  @Test
  void requiredOutputNotEmittedFailsWithAClearMessage() {
    PipelineBuilder p = PipelineDefinition.builder("forgetful");
    SolidNode forgetful = p.add(SolidDefinition.builder("forgetful").output(OUT).compute((ctx, in) -> {}).build());
    p.add(TestSolids.plusOne("after")).wire(IN, forgetful.output(OUT));

    RunResult result = run(p);

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("forgetful"))
        .hasMessageContaining("solid 'forgetful'")
        .hasMessageContaining("did not emit its required output 'out'");
    assertThat(result.step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void unemittedOptionalOutputSkipsDownstreamButOptionalInputsJustSeeItAbsent() {
    for (int threads : new int[] {1, 4}) {
      // Given quiet (optional output, not emitted) -> needs_it -> after_it, and quiet -> tolerant (optional input)
      List<String> tolerantSaw = Collections.synchronizedList(new ArrayList<>());
      PipelineBuilder p = PipelineDefinition.builder("optional_outputs");
      SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
      SolidNode needsIt = p.add(TestSolids.plusOne("needs_it")).wire(IN, quiet.output(MAYBE));
      p.add(TestSolids.plusOne("after_it")).wire(IN, needsIt.output(OUT));
      p.add(SolidDefinition.builder("tolerant").input(OPTIONAL_IN).returning(OUT, (ctx, in) -> {
        tolerantSaw.add(in.has(OPTIONAL_IN) ? "present" : "absent");
        return 0;
      }).build()).wire(OPTIONAL_IN, quiet.output(MAYBE));

      // When
      RunResult result = LocalRuntime.builder().maxConcurrent(threads).build().execute(p.build());

      // Then
      assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(tolerantSaw).containsExactly("absent");
      assertThat(result.eventsOf(RunEvent.StepSkipped.class))
          .extracting(RunEvent.StepSkipped::stepKey).containsExactlyInAnyOrder("needs_it", "after_it");
      assertThat(result.eventsOf(RunEvent.StepSkipped.class)).filteredOn(s -> s.stepKey().equals("needs_it"))
          .singleElement().satisfies(s -> assertThat(s.reason()).contains("input 'in'", "quiet.maybe", "not emitted"));
      assertThat(result.hasOutput("quiet", "maybe")).isFalse();
      assertThat(result.step("tolerant").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
      assertThat(result.failures()).isEmpty();
    }
  }

  @Test
  void emittedOptionalOutputFlowsDownstream() {
    PipelineBuilder p = PipelineDefinition.builder("optional_emitted");
    SolidNode loud = p.add(SolidDefinition.builder("loud").returning(MAYBE, (ctx, in) -> 5).build());
    p.add(TestSolids.plusOne("needs_it")).wire(IN, loud.output(MAYBE));

    RunResult result = run(p);

    assertThat(result.success()).isTrue();
    assertThat(result.output("needs_it", OUT)).isEqualTo(6);
  }
}
