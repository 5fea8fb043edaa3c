package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
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
import io.solidstream.api.types.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run-time type checks of inputs and outputs: values of the wrong Java type (hidden from the
 * compiler by raw types or erasure), {@code null} on a required output, custom checks of a data
 * type, a required output that is not emitted, and an output that does not serialize (every
 * runtime of the suite checks that outputs could be shipped to another machine). None of these is
 * retried.
 */
public abstract class TypeChecksConformance extends PipelineConformance {
  static final DataType<Integer> POSITIVE = DataType.of(Integer.class).withCheck("a positive integer", v -> v > 0);
  static final InputDef<Integer> N = InputDef.of("n", POSITIVE);
  static final OutputDef<List<Integer>> NUMBERS = OutputDef.of("numbers", new TypeRef<>() {});

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void anOutputOfTheWrongRuntimeTypeFailsTheStepWithoutRetry() {
    // Given a solid that emits a String on an Integer output through a raw type
    Journal attempts = journal("attempts");
    PipelineBuilder p = PipelineDefinition.builder("raw");
    p.add(SolidDefinition.builder("liar").output(OUT).retryPolicy(RetryPolicy.maxAttempts(3))
        .compute((ctx, in) -> {
          attempts.write("attempt " + ctx.attempt());
          ctx.emit((OutputDef) OUT, "not a number");
        }).build());

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts.entries()).as("a type error is not retried").containsExactly("attempt 1");
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
  void anOutputThatDoesNotSerializeFailsTheStepWithoutRetryNamingTheOutput() {
    // Given a solid that emits an object of a class that is not Serializable
    Journal attempts = journal("attempts");
    PipelineBuilder p = PipelineDefinition.builder("unserializable");
    OutputDef<Object> handle = OutputDef.of("handle", Object.class);
    InputDef<Object> handleIn = InputDef.of("handle", Object.class);
    SolidNode leaky = p.add(SolidDefinition.builder("leaky").retryPolicy(RetryPolicy.maxAttempts(3))
        .returning(handle, (ctx, in) -> {
          attempts.write("attempt " + ctx.attempt());
          return new Object();
        }).build());
    p.add(SolidDefinition.builder("reader").input(handleIn)
        .returning(OUT, (ctx, in) -> 1).build()).wire(handleIn, leaky.output(handle));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts.entries()).as("not retried").containsExactly("attempt 1");
    assertThat(result.failures()).containsOnlyKeys("leaky");
    assertThat(result.failures().get("leaky"))
        .hasMessageContaining("output 'handle' of solid 'leaky' must be serializable")
        .hasMessageContaining("java.lang.Object");
    assertThat(result.step("reader").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aListWithAnElementOfTheWrongTypeFailsTheStep() {
    PipelineBuilder p = PipelineDefinition.builder("erased");
    p.add(SolidDefinition.builder("mixed").output(NUMBERS).compute((ctx, in) -> {
      List raw = new java.util.ArrayList<>(List.of(1, 2));
      raw.add("three");
      ctx.emit(NUMBERS, raw);
    }).build());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("mixed")).hasMessageContaining("output 'numbers'")
        .hasMessageContaining("element [2] is a java.lang.String");
  }

  @Test
  void nullOnARequiredOutputFailsTheTypeCheck() {
    PipelineBuilder p = PipelineDefinition.builder("nulls");
    p.add(SolidDefinition.builder("nothing").returning(OUT, (ctx, in) -> null).build());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("nothing")).hasMessageContaining("output 'out'").hasMessageContaining("got null");
  }

  @Test
  void anInputFailingACustomCheckFailsTheStepBeforeCompute() {
    // Given an upstream value -5 flowing into an input that requires a positive integer
    Journal computed = journal("computed");
    PipelineBuilder p = PipelineDefinition.builder("custom_check");
    SolidNode source = p.add(constant("source", -5));
    p.add(SolidDefinition.builder("checked").input(N).returning(OUT, (ctx, in) -> {
      computed.write("checked");
      return in.get(N);
    }).build()).wire(N, source.output(OUT));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(computed.entries()).isEmpty();
    assertThat(result.failures().get("checked"))
        .hasMessageContaining("input 'n'")
        .hasMessageContaining("step 'checked'")
        .hasMessageContaining("expected a positive integer")
        .hasMessageContaining("got -5");
    assertThat(result.eventsFor("checked")).extracting(RunEvent::type)
        .containsExactly(EventType.STEP_STARTED, EventType.STEP_FAILED);
  }

  @Test
  void anOutputFailingACustomCheckFailsTheStep() {
    OutputDef<Integer> positiveOut = OutputDef.of("positive", POSITIVE);
    PipelineBuilder p = PipelineDefinition.builder("custom_output");
    p.add(SolidDefinition.builder("negative").returning(positiveOut, (ctx, in) -> -1).build());

    RunResult result = execute(p.build());

    assertThat(result.failures().get("negative"))
        .hasMessageContaining("output 'positive'")
        .hasMessageContaining("step 'negative'")
        .hasMessageContaining("expected a positive integer")
        .hasMessageContaining("got -1");
  }

  @Test
  void aRequiredOutputNotEmittedFailsTheStepAndSkipsDownstream() {
    PipelineBuilder p = PipelineDefinition.builder("forgetful");
    SolidNode forgetful = p.add(SolidDefinition.builder("forgetful").output(OUT).compute((ctx, in) -> {}).build());
    p.add(plusOne("after")).wire(IN, forgetful.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("forgetful"))
        .hasMessageContaining("solid 'forgetful'")
        .hasMessageContaining("did not emit its required output 'out'");
    assertThat(result.step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }
}
