package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import org.junit.jupiter.api.Test;

/**
 * Solid selection (subset runs): only the selected solids run, an unselected upstream value comes
 * from run config, config of unselected solids is ignored, and {@code submit} rejects a selection
 * naming an unknown solid.
 */
public abstract class SelectionConformance extends PipelineConformance {

  /** a -> b -> c, and d on its own; every step journals its key. */
  private static PipelineDefinition pipeline(Journal ran) {
    PipelineBuilder p = PipelineDefinition.builder("selectable");
    SolidNode a = p.add(constant("a", 1, ran));
    SolidNode b = p.add(plusOne("b", ran)).wire(IN, a.output(OUT));
    p.add(plusOne("c", ran)).wire(IN, b.output(OUT));
    p.add(constant("d", 100, ran));
    return p.build();
  }

  @Test
  void aStarPrefixSelectsASolidAndEverythingUpstream() {
    Journal ran = journal("ran");

    RunResult result = execute(pipeline(ran), RunRequest.builder().selection("*c").build());

    assertThat(result.success()).isTrue();
    assertThat(ran.entries()).containsExactly("a", "b", "c");
    assertThat(result.steps()).extracting(StepStats::stepKey).containsExactly("a", "b", "c");
    assertThat(result.output("c", OUT)).isEqualTo(3);
    assertThat(result.hasOutput("d", "out")).isFalse();
  }

  @Test
  void aPlusSuffixSelectsASolidAndItsDirectDownstream() {
    Journal ran = journal("ran");

    RunResult result = execute(pipeline(ran), RunRequest.builder().selection("a+").build());

    assertThat(result.success()).isTrue();
    assertThat(ran.entries()).containsExactly("a", "b");
  }

  @Test
  void aCommaSeparatedListSelectsEachSolid() {
    Journal ran = journal("ran");

    RunResult result = execute(pipeline(ran), RunRequest.builder().selection("*b,d").build());

    assertThat(result.success()).isTrue();
    assertThat(ran.entries()).containsExactlyInAnyOrder("a", "b", "d");
  }

  @Test
  void anUnselectedUpstreamValueComesFromRunConfigAndConfigOfUnselectedSolidsIsIgnored() {
    // Given only b and c selected, b's input (normally a's output) in run config, and config for unselected a
    Journal ran = journal("ran");
    RunRequest request = RunRequest.builder()
        .selection("b+")
        .runConfig(RunConfig.fromYaml("solids: {b: {inputs: {in: 41}}, a: {config: {whatever: true}}}"))
        .build();

    // When
    RunResult result = execute(pipeline(ran), request);

    // Then
    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(ran.entries()).containsExactly("b", "c");
    assertThat(result.output("b", OUT)).isEqualTo(42);
    assertThat(result.output("c", OUT)).isEqualTo(43);
  }

  @Test
  void submitRejectsAnUnknownSolidListingTheSolidsAndNothingRuns() {
    Journal ran = journal("ran");
    PipelineDefinition pipeline = pipeline(ran);
    RunRequest request = RunRequest.builder().selection("*nope").build();

    assertThatThrownBy(() -> runtime().submit(pipeline, request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown solid 'nope'")
        .hasMessageEndingWith("Solids of the pipeline: a, b, c, d");
    assertThat(ran.entries()).isEmpty();
  }
}
