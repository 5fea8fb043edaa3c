package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.SolidDefinition;
import org.junit.jupiter.api.Test;

/** The first run of a fresh runtime works without warm-up (speed is measured in benchmarks, not here). */
class FirstRunTest {

  @Test
  void firstExecuteOfATrivialPipelineReturnsItsResult() {
    PipelineBuilder p = PipelineDefinition.builder("trivial");
    SolidNode a = p.add(SolidDefinition.builder("a").returning(OUT, (ctx, in) -> 1).build());
    SolidNode b = p.add(TestSolids.plusOne("b")).wire(IN, a.output(OUT));
    p.add(TestSolids.plusOne("c")).wire(IN, b.output(OUT));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("c", OUT)).isEqualTo(3);
  }
}
