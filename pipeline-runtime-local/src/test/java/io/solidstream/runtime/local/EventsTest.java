package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.solidstream.api.solid.SolidDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {
  static final InputDef<Integer> START = InputDef.of("start", Integer.class).withDefault(41);

  /** first(start = 41 by default) -> second(in). */
  private static PipelineDefinition twoSteps() {
    PipelineBuilder p = PipelineDefinition.builder("two_steps");
    SolidNode first = p.add(SolidDefinition.function("first", START, OUT, x -> x + 1));
    p.add(TestSolids.plusOne("second")).wire(IN, first.output(OUT));
    return p.build();
  }

  @Test
  void twoStepRunEmitsTheExactEventSequence() {
    RunResult result = LocalRuntime.create().execute(twoSteps(), RunRequest.builder().runId("r1").build());

    assertThat(result.success()).isTrue();
    assertThat(result.events()).extracting(RunEvent::type, RunEvent::stepKey).containsExactly(
        org.assertj.core.groups.Tuple.tuple(EventType.RUN_STARTED, null),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_STARTED, "first"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_INPUT, "first"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_OUTPUT, "first"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_SUCCEEDED, "first"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_STARTED, "second"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_INPUT, "second"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_OUTPUT, "second"),
        org.assertj.core.groups.Tuple.tuple(EventType.STEP_SUCCEEDED, "second"),
        org.assertj.core.groups.Tuple.tuple(EventType.RUN_SUCCEEDED, null));
    assertThat(result.eventsOf(RunEvent.StepOutput.class))
        .extracting(RunEvent.StepOutput::outputName, RunEvent.StepOutput::valuePreview)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("out", "42"),
            org.assertj.core.groups.Tuple.tuple("out", "43"));
    assertThat(result.eventsOf(RunEvent.StepInput.class)).extracting(RunEvent.StepInput::inputName)
        .containsExactly("start", "in");
  }

  @Test
  void everyEventCarriesRunIdTimestampAndForStepEventsStepKeyAndSolidHandle() {
    RunResult result = LocalRuntime.create().execute(twoSteps(), RunRequest.builder().runId("r1").build());

    assertThat(result.runId()).isEqualTo("r1");
    RunEvent previous = null;
    for (RunEvent event : result.events()) {
      assertThat(event.runId()).as("run id of %s", event).isEqualTo("r1");
      assertThat(event.timestamp()).as("timestamp of %s", event).isNotNull();
      if (previous != null) {
        assertThat(event.timestamp()).as("timestamp order at %s", event).isAfterOrEqualTo(previous.timestamp());
      }
      boolean runEvent = event.type().name().startsWith("RUN_");
      if (runEvent) {
        assertThat(event.stepKey()).as("step key of %s", event).isNull();
        assertThat(event.solidHandle()).as("solid handle of %s", event).isNull();
      } else {
        assertThat(event.stepKey()).as("step key of %s", event).isIn("first", "second");
        assertThat(event.solidHandle()).as("solid handle of %s", event).isEqualTo(event.stepKey());
      }
      assertThat(event.message()).isNotBlank();
      previous = event;
    }
  }

  @Test
  void listenersReceiveEveryEventLiveInResultOrder() {
    // Given a listener, and a step that looks at what the listener has seen so far
    List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
    List<EventType> seenWhileSecondRuns = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("live");
    SolidNode first = p.add(TestSolids.source("first", 1, new ArrayList<>()));
    p.add(SolidDefinition.builder("second").input(IN).returning(OUT, (ctx, in) -> {
      synchronized (seen) {
        seen.forEach(e -> seenWhileSecondRuns.add(e.type()));
      }
      return 2;
    }).build()).wire(IN, first.output(OUT));

    // When
    RunResult result = LocalRuntime.builder().checkSerializable(false).build()
        .execute(p.build(), RunRequest.builder().listener(seen::add).build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(seen).containsExactlyElementsOf(result.events());
    assertThat(seenWhileSecondRuns).endsWith(EventType.STEP_STARTED, EventType.STEP_INPUT)
        .contains(EventType.STEP_SUCCEEDED).doesNotContain(EventType.RUN_SUCCEEDED);
  }

  @Test
  void throwingListenerDoesNotBreakTheRun() {
    for (int threads : new int[] {1, 4}) {
      List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
      RunRequest request = RunRequest.builder()
          .listener(event -> {
            throw new IllegalStateException("listener is broken");
          })
          .listener(event -> {
            throw new AssertionError("a test's assertion in a listener");
          })
          .listener(seen::add)
          .build();

      RunResult result = LocalRuntime.builder().maxConcurrent(threads).build()
          .submit(twoSteps(), request).await(Duration.ofSeconds(5)).orElseThrow();

      assertThat(result.success()).as(result.events().toString()).isTrue();
      assertThat(result.output("second", OUT)).isEqualTo(43);
      assertThat(seen).containsExactlyElementsOf(result.events());
    }
  }

  @Test
  void materializationsExpectationsAndLogsBecomeEventsOfTheStep() {
    // Given
    PipelineBuilder p = PipelineDefinition.builder("observed");
    p.add(SolidDefinition.builder("report").returning(OUT, (ctx, in) -> {
      ctx.log().info("x {}", 1);
      ctx.log().warn("careful");
      ctx.materialize(Materialization.of(AssetKey.of("reports", "daily")).withDescription("daily report")
          .withMetadata("rows", 3));
      ctx.expect(ExpectationResult.passed("non_empty"));
      ctx.expect(ExpectationResult.failed("no_negatives").withDescription("2 negative rows"));
      return 3;
    }).build());

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then
    assertThat(result.success()).as("a failed expectation does not fail the step").isTrue();
    assertThat(result.eventsOf(RunEvent.LogMessage.class))
        .extracting(RunEvent.LogMessage::level, RunEvent.LogMessage::text, RunEvent.LogMessage::stepKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("INFO", "x 1", "report"),
            org.assertj.core.groups.Tuple.tuple("WARN", "careful", "report"));
    assertThat(result.eventsOf(RunEvent.AssetMaterialized.class)).singleElement().satisfies(m -> {
      assertThat(m.materialization().assetKey()).isEqualTo(AssetKey.of("reports", "daily"));
      assertThat(m.materialization().description()).isEqualTo("daily report");
      assertThat(m.materialization().metadata()).containsKey("rows");
      assertThat(m.stepKey()).isEqualTo("report");
    });
    assertThat(result.eventsOf(RunEvent.ExpectationChecked.class))
        .extracting(e -> e.result().label(), e -> e.result().success())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("non_empty", true),
            org.assertj.core.groups.Tuple.tuple("no_negatives", false));
    // all of them happen between the step's start and its success
    List<EventType> types = result.eventsFor("report").stream().map(RunEvent::type).toList();
    assertThat(types).startsWith(EventType.STEP_STARTED).endsWith(EventType.STEP_OUTPUT, EventType.STEP_SUCCEEDED)
        .containsSubsequence(EventType.LOG_MESSAGE, EventType.MATERIALIZATION, EventType.EXPECTATION_RESULT);
  }

  @Test
  void resultFiltersEventsBySolidAndClassAndSummarisesSteps() {
    // Given ok -> broken -> skipped
    PipelineBuilder p = PipelineDefinition.builder("mixed");
    SolidNode ok = p.add(TestSolids.source("ok", 1, new ArrayList<>()));
    SolidNode broken = p.add(SolidDefinition.builder("broken").input(IN).returning(OUT, (ctx, in) -> {
      throw new IllegalArgumentException("bad");
    }).build()).wire(IN, ok.output(OUT));
    p.add(TestSolids.plusOne("skipped")).wire(IN, broken.output(OUT));

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then
    assertThat(result.eventsFor("broken")).isNotEmpty().allMatch(e -> "broken".equals(e.solidHandle()));
    assertThat(result.eventsFor("broken")).extracting(RunEvent::type)
        .containsExactly(EventType.STEP_STARTED, EventType.STEP_INPUT, EventType.STEP_FAILED);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.stepKey()).isEqualTo("broken");
      assertThat(f.attempt()).isEqualTo(1);
      assertThat(f.error().className()).isEqualTo(IllegalArgumentException.class.getName());
      assertThat(f.error().message()).isEqualTo("bad");
    });
    assertThat(result.steps()).extracting(StepStats::stepKey, StepStats::status, StepStats::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ok", StepStatus.SUCCESS, 1),
            org.assertj.core.groups.Tuple.tuple("broken", StepStatus.FAILURE, 1),
            org.assertj.core.groups.Tuple.tuple("skipped", StepStatus.SKIPPED, 0));
    StepStats okStats = result.step("ok").orElseThrow();
    assertThat(okStats.start()).isNotNull();
    assertThat(okStats.end()).isAfterOrEqualTo(okStats.start());
    assertThat(okStats.duration()).isEqualTo(Duration.between(okStats.start(), okStats.end()));
    assertThat(result.step("skipped").orElseThrow().start()).isNull();
    assertThat(result.step("skipped").orElseThrow().duration()).isEqualTo(Duration.ZERO);
    assertThat(result.duration()).isGreaterThanOrEqualTo(okStats.duration());
  }
}
