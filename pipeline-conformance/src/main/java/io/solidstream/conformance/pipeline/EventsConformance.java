package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.MetadataValue;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What events carry, and how they reach the caller: logs, materializations and expectations as
 * events of their step; run id, timestamps, step keys and handles; run tags; input and output
 * events; listeners (every event, in order, live, and unharmed by a throwing listener); and the
 * views of {@code RunResult} over the events. The complete sequences are in
 * {@link EventStreamConformance}.
 */
public abstract class EventsConformance extends PipelineConformance {
  static final InputDef<Integer> START = InputDef.of("start", Integer.class).withDefault(41);
  static final OutputDef<String> TEXT = OutputDef.of("text", String.class);

  /** first(start = 41 by default) -> second(in). */
  static PipelineDefinition twoSteps() {
    PipelineBuilder p = PipelineDefinition.builder("two_steps");
    SolidNode first = p.add(SolidDefinition.function("first", START, OUT, x -> x + 1));
    p.add(plusOne("second")).wire(IN, first.output(OUT));
    return p.build();
  }

  @Test
  void logsMaterializationsAndExpectationsBecomeEventsOfTheirStep() {
    // Given
    PipelineBuilder p = PipelineDefinition.builder("observed");
    p.add(SolidDefinition.builder("report").returning(OUT, (ctx, in) -> {
      ctx.log().debug("debugging {}", "details");
      ctx.log().info("x {}", 1);
      ctx.log().warn("careful");
      ctx.materialize(Materialization.of(AssetKey.of("reports", "daily")).withDescription("daily report")
          .withMetadata("rows", 3));
      ctx.expect(ExpectationResult.passed("non_empty"));
      ctx.expect(ExpectationResult.failed("no_negatives").withDescription("2 negative rows"));
      ctx.log().error("{} of {} rows rejected", 0, 3);
      return 3;
    }).build());

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.success()).as("a failed expectation does not fail the step").isTrue();
    assertThat(result.eventsOf(RunEvent.LogMessage.class))
        .extracting(RunEvent.LogMessage::level, RunEvent.LogMessage::text, RunEvent.LogMessage::stepKey)
        .containsExactly(tuple("DEBUG", "debugging details", "report"), tuple("INFO", "x 1", "report"),
            tuple("WARN", "careful", "report"),
            tuple("ERROR", "0 of 3 rows rejected", "report"));
    assertThat(result.eventsOf(RunEvent.AssetMaterialized.class)).singleElement().satisfies(m -> {
      assertThat(m.materialization().assetKey()).isEqualTo(AssetKey.of("reports", "daily"));
      assertThat(m.materialization().description()).isEqualTo("daily report");
      assertThat(m.materialization().metadata()).containsEntry("rows", MetadataValue.integer(3));
      assertThat(m.stepKey()).isEqualTo("report");
    });
    assertThat(result.eventsOf(RunEvent.ExpectationChecked.class))
        .extracting(e -> e.result().label(), e -> e.result().success(), e -> e.result().description())
        .containsExactly(tuple("non_empty", true, ""), tuple("no_negatives", false, "2 negative rows"));
    List<EventType> types = result.eventsFor("report").stream().map(RunEvent::type).toList();
    assertThat(types).startsWith(EventType.STEP_STARTED).endsWith(EventType.STEP_OUTPUT, EventType.STEP_SUCCEEDED)
        .containsSubsequence(EventType.LOG_MESSAGE, EventType.MATERIALIZATION, EventType.EXPECTATION_RESULT,
            EventType.EXPECTATION_RESULT, EventType.LOG_MESSAGE);
  }

  @Test
  void everyEventCarriesTheRunIdAndATimestampAndStepEventsTheirStepAndSolid() {
    RunResult result = execute(twoSteps(), RunRequest.builder().runId("r1").build());

    assertThat(result.runId()).isEqualTo("r1");
    assertThat(result.pipelineName()).isEqualTo("two_steps");
    Map<String, Instant> lastPerStep = new HashMap<>();
    for (RunEvent event : result.events()) {
      assertThat(event.runId()).as("run id of %s", event).isEqualTo("r1");
      assertThat(event.timestamp()).as("timestamp of %s", event).isNotNull();
      assertThat(event.message()).as("message of %s", event).isNotBlank();
      if (event instanceof RunEvent.RunLevel) {
        assertThat(event.stepKey()).as("step key of %s", event).isNull();
        assertThat(event.solidHandle()).as("solid handle of %s", event).isNull();
      } else {
        assertThat(event.stepKey()).as("step key of %s", event).isIn("first", "second");
        assertThat(event.solidHandle()).as("solid handle of %s", event).isEqualTo(event.stepKey());
        Instant previous = lastPerStep.put(event.stepKey(), event.timestamp());
        if (previous != null) {
          assertThat(event.timestamp()).as("timestamps of one step never go back: %s", event)
              .isAfterOrEqualTo(previous);
        }
      }
    }
  }

  @Test
  void everyRunWithoutARunIdGetsAFreshOne() {
    PipelineDefinition pipeline = twoSteps();

    RunResult first = execute(pipeline);
    RunResult second = execute(pipeline);

    assertThat(first.runId()).isNotBlank().isNotEqualTo(second.runId());
    assertThat(first.events()).allSatisfy(e -> assertThat(e.runId()).isEqualTo(first.runId()));
    assertThat(second.events()).allSatisfy(e -> assertThat(e.runId()).isEqualTo(second.runId()));
  }

  @Test
  void runTagsAreThePipelinesAndTheRequestsAndSolidsSeeThem() {
    PipelineBuilder p = PipelineDefinition.builder("tagged").tag("team", "data").tag("tier", "gold");
    p.add(SolidDefinition.builder("read_tags").returning(TEXT, (ctx, in) -> new java.util.TreeMap<>(ctx.runTags()).toString())
        .build());

    RunResult result = execute(p.build(), RunRequest.builder().tag("tier", "silver").tag("trigger", "manual").build());

    assertThat(result.output("read_tags", TEXT)).isEqualTo("{team=data, tier=silver, trigger=manual}");
    assertThat(result.eventsOf(RunEvent.RunStarted.class)).singleElement().satisfies(started -> {
      assertThat(started.pipelineName()).isEqualTo("tagged");
      assertThat(started.tags()).containsOnly(
          Map.entry("team", "data"), Map.entry("tier", "silver"), Map.entry("trigger", "manual"));
    });
  }

  @Test
  void inputAndOutputEventsNameTheSourceTypeAndValue() {
    RunResult result = execute(twoSteps());

    assertThat(result.eventsOf(RunEvent.StepInput.class))
        .extracting(RunEvent::stepKey, RunEvent.StepInput::inputName, RunEvent.StepInput::typeName)
        .containsExactly(tuple("first", "start", "Integer"), tuple("second", "in", "Integer"));
    assertThat(result.eventsOf(RunEvent.StepInput.class)).last()
        .extracting(RunEvent.StepInput::source).isEqualTo("first.out");
    assertThat(result.eventsOf(RunEvent.StepOutput.class))
        .extracting(RunEvent::stepKey, RunEvent.StepOutput::outputName, RunEvent.StepOutput::typeName,
            RunEvent.StepOutput::valuePreview, RunEvent.StepOutput::mappingKey)
        .containsExactly(tuple("first", "out", "Integer", "42", null), tuple("second", "out", "Integer", "43", null));
  }

  @Test
  void listenersReceiveEveryEventInTheResultsOrder() {
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    List<RunEvent> seenToo = new CopyOnWriteArrayList<>();

    RunResult result = execute(twoSteps(), RunRequest.builder().listener(seen::add).listener(seenToo::add).build());

    assertThat(result.success()).isTrue();
    assertThat(seen).as("received by the time the result is there").containsExactlyElementsOf(result.events());
    assertThat(seenToo).containsExactlyElementsOf(result.events());
  }

  @Test
  void aThrowingListenerDoesNotBreakTheRunNorOtherListeners() {
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    RunRequest request = RunRequest.builder()
        .listener(event -> {
          throw new IllegalStateException("listener is broken");
        })
        .listener(event -> {
          throw new AssertionError("a test's assertion in a listener");
        })
        .listener(seen::add)
        .build();

    RunResult result = execute(twoSteps(), request);

    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.output("second", OUT)).isEqualTo(43);
    assertThat(seen).containsExactlyElementsOf(result.events());
  }

  @Test
  void listenersReceiveEventsWhileTheRunGoesOn() {
    // Given a listener that journals the output of "first", and "second" that waits for that entry
    Journal seen = journal("seen");
    List<RunEvent> received = new CopyOnWriteArrayList<>();
    RunRequest request = RunRequest.builder()
        .listener(received::add)
        .listener(event -> {
          if (event instanceof RunEvent.StepOutput output && output.stepKey().equals("first")) {
            seen.write("output of first");
          }
        })
        .build();
    if (!supports(Feature.LIVE_EVENTS)) {
      // Without live events, listeners still receive every event by the time the run has ended
      RunResult result = execute(twoSteps(), request);
      assertThat(received).containsExactlyElementsOf(result.events());
      return;
    }
    PipelineBuilder p = PipelineDefinition.builder("live");
    SolidNode first = p.add(constant("first", 1));
    p.add(SolidDefinition.builder("second").input(IN).returning(TEXT, (ctx, in) ->
        seen.await("output of first", ctx::isCancelled, Duration.ofSeconds(30)) ? "saw it live" : "did not")
        .build()).wire(IN, first.output(OUT));

    // When
    RunResult result = execute(p.build(), request);

    // Then the listener got the event before the run was over
    assertThat(result.output("second", TEXT)).isEqualTo("saw it live");
    assertThat(received).containsExactlyElementsOf(result.events());
  }

  @Test
  void theResultFiltersEventsBySolidAndClassAndSummarisesEachStep() {
    // Given ok -> broken -> skipped
    PipelineBuilder p = PipelineDefinition.builder("mixed");
    SolidNode ok = p.add(constant("ok", 1));
    SolidNode broken = p.add(SolidDefinition.builder("broken").input(IN).returning(OUT, (ctx, in) -> {
      throw new IllegalArgumentException("bad");
    }).build()).wire(IN, ok.output(OUT));
    p.add(plusOne("skipped")).wire(IN, broken.output(OUT));

    // When
    RunResult result = execute(p.build());

    // Then
    assertThat(result.eventsFor("broken")).extracting(RunEvent::type)
        .containsExactly(EventType.STEP_STARTED, EventType.STEP_INPUT, EventType.STEP_FAILED);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.stepKey()).isEqualTo("broken");
      assertThat(f.error().className()).isEqualTo(IllegalArgumentException.class.getName());
    });
    assertThat(result.steps()).extracting(StepStats::stepKey, StepStats::status, StepStats::attempts)
        .containsExactly(tuple("ok", StepStatus.SUCCESS, 1), tuple("broken", StepStatus.FAILURE, 1),
            tuple("skipped", StepStatus.SKIPPED, 0));
    StepStats okStats = result.step("ok").orElseThrow();
    assertThat(okStats.start()).isNotNull();
    assertThat(okStats.end()).isAfterOrEqualTo(okStats.start());
    assertThat(result.step("skipped").orElseThrow().start()).isNull();
    assertThat(result.step("skipped").orElseThrow().duration()).isEqualTo(Duration.ZERO);
    assertThat(result.step("nope")).isEmpty();
  }
}
