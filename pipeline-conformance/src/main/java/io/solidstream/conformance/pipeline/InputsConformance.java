package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that are not wired to another solid: from run config (converted to their Java type),
 * defaults, optional inputs, and the errors of reading an absent or undeclared input.
 */
public abstract class InputsConformance extends PipelineConformance {
  /** A value converted from run config. */
  public record Window(int from, int to) implements Serializable {}

  static final InputDef<Integer> COUNT = InputDef.of("count", Integer.class).fromConfig();
  static final InputDef<List<String>> NAMES = InputDef.of("names", new TypeRef<List<String>>() {}).fromConfig();
  static final InputDef<Window> WINDOW = InputDef.of("window", Window.class).fromConfig();
  static final InputDef<Integer> LIMIT = InputDef.of("limit", Integer.class).fromConfig().withDefault(7);
  static final InputDef<Integer> FALLBACK = InputDef.of("fallback", Integer.class).withDefault(5);
  static final InputDef<Integer> EXTRA = InputDef.of("extra", Integer.class).optional();
  static final OutputDef<Integer> MAYBE = OutputDef.of("maybe", Integer.class).optional();
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);

  private RunResult runAlone(SolidDefinition solid, String yaml) {
    PipelineBuilder p = PipelineDefinition.builder("inputs");
    p.add(solid);
    return execute(p.build(), RunRequest.of(RunConfig.fromYaml(yaml)));
  }

  @Test
  void inputsComeFromRunConfigConvertedToTheirJavaType() {
    SolidDefinition describe = SolidDefinition.builder("describe").input(COUNT).input(NAMES).input(WINDOW)
        .returning(TEXT, (ctx, in) -> in.get(COUNT) + " " + in.get(NAMES) + " " + in.get(WINDOW))
        .build();

    RunResult result = runAlone(describe, """
        solids:
          describe:
            inputs:
              count: 3
              names: [x, y]
              window: {from: 1, to: 9}
        """);

    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.output("describe", TEXT)).isEqualTo("3 [x, y] Window[from=1, to=9]");
    assertThat(result.eventsOf(RunEvent.StepInput.class)).filteredOn(e -> e.inputName().equals("count"))
        .singleElement().satisfies(e -> assertThat(e.source()).contains("run config", "count"));
  }

  @Test
  void defaultsApplyWhenNeitherWiredNorConfigured() {
    SolidDefinition limits = SolidDefinition.builder("limits").input(LIMIT).input(FALLBACK)
        .returning(TEXT, (ctx, in) -> in.get(LIMIT) + "/" + in.get(FALLBACK)).build();

    RunResult defaults = runAlone(limits, "{}");
    RunResult configured = runAlone(limits, "solids: {limits: {inputs: {limit: 70}}}");

    assertThat(defaults.output("limits", TEXT)).isEqualTo("7/5");
    assertThat(configured.output("limits", TEXT)).isEqualTo("70/5");
  }

  @Test
  void defaultIsUsedWhenTheWiredOptionalOutputIsNotEmitted() {
    PipelineBuilder p = PipelineDefinition.builder("default_over_missing");
    SolidNode quiet = p.add(SolidDefinition.builder("quiet").returning(MAYBE, (ctx, in) -> null).build());
    p.add(SolidDefinition.builder("reader").input(FALLBACK)
        .returning(TEXT, (ctx, in) -> "got " + in.get(FALLBACK)).build()).wire(FALLBACK, quiet.output(MAYBE));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(result.output("reader", TEXT)).isEqualTo("got 5");
  }

  @Test
  void optionalInputIsAbsentUnlessWired() {
    SolidDefinition reader = SolidDefinition.builder("reader").input(EXTRA)
        .returning(TEXT, (ctx, in) -> in.has(EXTRA) ? "extra " + in.get(EXTRA) : "no extra").build();
    PipelineBuilder unwired = PipelineDefinition.builder("unwired");
    unwired.add(reader);
    PipelineBuilder wired = PipelineDefinition.builder("wired");
    SolidNode source = wired.add(constant("source", 3));
    wired.add(reader).wire(EXTRA, source.output(OUT));

    assertThat(execute(unwired.build()).output("reader", TEXT)).isEqualTo("no extra");
    assertThat(execute(wired.build()).output("reader", TEXT)).isEqualTo("extra 3");
  }

  @Test
  void readingAnAbsentOptionalInputFailsWithAClearMessage() {
    PipelineBuilder p = PipelineDefinition.builder("careless");
    p.add(SolidDefinition.builder("careless").input(EXTRA).returning(TEXT, (ctx, in) -> "x" + in.get(EXTRA)).build());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("careless"))
        .hasMessageContaining("optional input 'extra' of solid 'careless' has no value")
        .hasMessageContaining("inputs.has(");
  }

  @Test
  void readingAnUndeclaredInputFailsNamingTheDeclaredOnes() {
    PipelineBuilder p = PipelineDefinition.builder("confused");
    p.add(SolidDefinition.builder("confused").input(FALLBACK)
        .returning(TEXT, (ctx, in) -> String.valueOf(in.get(COUNT))).build());

    RunResult result = execute(p.build());

    assertThat(result.failures().get("confused"))
        .hasMessageContaining("solid 'confused' has no input 'count'")
        .hasMessageContaining("[fallback]");
  }
}
