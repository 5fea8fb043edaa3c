package io.solidstream.testkit;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.event.EventType;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Test;

class RunResultAssertTest {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);

  static RunResult run(boolean failSecond) {
    SolidDefinition first = SolidDefinition.builder("first")
        .returning(OUT, (ctx, in) -> {
          ctx.materialize(Materialization.of(AssetKey.of("tables", "first")));
          ctx.expect(ExpectationResult.failed("positive"));
          return 41;
        }).build();
    SolidDefinition second = SolidDefinition.builder("second").input(IN)
        .returning(OUT, (ctx, in) -> {
          if (failSecond) {
            throw new IllegalStateException("boom");
          }
          return in.get(IN) + 1;
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("asserted");
    SolidNode a = p.add(first);
    SolidNode b = p.add(second).wire(IN, a.output(OUT));
    p.add(second, "third").wire(IN, b.output(OUT));
    return LocalRuntime.create().execute(p.build());
  }

  @Test
  void successfulRunPassesOutputStepEventAndMaterializationAssertions() {
    assertThat(run(false)).succeeded()
        .hasOutput("second", OUT, 42)
        .stepSucceeded("first")
        .stepDidNotRun("fourth")
        .hasEventSequence("second", EventType.STEP_STARTED, EventType.STEP_OUTPUT, EventType.STEP_SUCCEEDED)
        .hasMaterialization(AssetKey.of("tables", "first"))
        .hasFailedExpectation("positive")
        .output("third", OUT).isEqualTo(43);
  }

  @Test
  void succeededOnAFailedRunShowsTheFailedStepAndItsError() {
    RunResult result = run(true);
    assertThatThrownBy(() -> assertThat(result).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to succeed, but it ended FAILURE")
        .hasMessageContaining("step 'second' failed: java.lang.IllegalStateException: boom")
        .hasMessageContaining("third: SKIPPED");
    assertThat(result).failed().stepFailed("second").stepWasSkipped("third");
  }

  @Test
  void missingOutputAndWrongEventOrderFailWithWhatWasThere() {
    RunResult result = run(false);
    assertThatThrownBy(() -> assertThat(result).hasOutput("nope", OUT, 1))
        .hasMessageContaining("Expected output 'out' of solid 'nope', but the run has none");
    assertThatThrownBy(() -> assertThat(result).hasEventSequence("first", EventType.STEP_SUCCEEDED, EventType.STEP_STARTED))
        .hasMessageContaining("to contain [STEP_SUCCEEDED, STEP_STARTED] in this order");
    assertThatThrownBy(() -> assertThat(result).hasPassedExpectation("positive"))
        .hasMessageContaining("[positive failed]");
  }
}
