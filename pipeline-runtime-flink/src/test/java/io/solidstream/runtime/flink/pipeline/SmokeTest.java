package io.solidstream.runtime.flink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);

  @Test
  void twoSteps() {
    PipelineBuilder p = PipelineDefinition.builder("two");
    SolidNode a = p.add(SolidDefinition.builder("a").returning(OUT, (ctx, in) -> 41).build());
    p.add(SolidDefinition.function("b", IN, OUT, x -> x + 1)).wire(IN, a.output(OUT));
    RunResult result = FlinkPipelineTestRuntime.RUNTIME.execute(p.build(), RunRequest.defaults());
    result.events().forEach(e -> System.out.println(e.type() + " " + e.stepKey() + " " + e.message()));
    assertThat(result.success()).isTrue();
    assertThat(result.output("b", OUT)).isEqualTo(42);
  }
}
