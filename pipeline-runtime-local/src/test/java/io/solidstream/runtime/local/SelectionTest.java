package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

  /** a -> b -> c, and d on its own. */
  private PipelineDefinition pipeline() {
    PipelineBuilder p = PipelineDefinition.builder("selectable");
    SolidNode a = p.add(TestSolids.source("a", 1, ran));
    SolidNode b = p.add(TestSolids.plusOne("b", ran)).wire(IN, a.output(OUT));
    p.add(TestSolids.plusOne("c", ran)).wire(IN, b.output(OUT));
    p.add(TestSolids.source("d", 100, ran));
    return p.build();
  }

  @Test
  void starPrefixSelectsASolidAndEverythingUpstream() {
    RunResult result = LocalRuntime.create().execute(pipeline(), RunRequest.builder().selection("*c").build());

    assertThat(result.success()).isTrue();
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(result.steps()).extracting(StepStats::stepKey).containsExactly("a", "b", "c");
    assertThat(result.output("c", OUT)).isEqualTo(3);
  }

  @Test
  void plusSuffixSelectsASolidAndItsDirectDownstream() {
    RunResult result = LocalRuntime.create().execute(pipeline(), RunRequest.builder().selection("a+").build());

    assertThat(result.success()).isTrue();
    assertThat(ran).containsExactly("a", "b");
  }

  @Test
  void unselectedUpstreamValueComesFromRunConfig() {
    // Given only b and c selected, and b's input (normally a's output) given in run config
    RunRequest request = RunRequest.builder()
        .selection("b+")
        .runConfig(RunConfig.fromYaml("solids:\n  b:\n    inputs:\n      in: 41\n"))
        .build();

    // When
    RunResult result = LocalRuntime.create().execute(pipeline(), request);

    // Then
    assertThat(result.success()).as(result.events().toString()).isTrue();
    assertThat(ran).containsExactly("b", "c");
    assertThat(result.output("b", OUT)).isEqualTo(42);
    assertThat(result.output("c", OUT)).isEqualTo(43);
  }

  @Test
  void unknownSolidInSelectionIsRejectedListingTheSolids() {
    LocalRuntime runtime = LocalRuntime.create();
    RunRequest request = RunRequest.builder().selection("*nope").build();

    assertThatThrownBy(() -> runtime.submit(pipeline(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown solid 'nope'")
        .hasMessageEndingWith("Solids of the pipeline: a, b, c, d");
    assertThat(ran).isEmpty();
  }
}
