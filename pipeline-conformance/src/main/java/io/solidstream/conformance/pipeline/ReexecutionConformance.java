package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.ALL;
import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.outputs.FilesystemOutputStorage;
import io.solidstream.api.outputs.InMemoryOutputStorage;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Output storage and re-execution at the runtime level: every succeeded step's outputs are stored
 * (dynamic values with their mapping keys); a run with {@link ParentOutputs} runs only the chosen
 * steps and loads what they read of the others from the parent run, mapping keys included; a
 * missing parent output fails the step that needed loading, naming step, parent run and fix.
 *
 * <p>The storage is a {@link FilesystemOutputStorage} in the test's temporary directory, which
 * every task manager of a runtime on this machine reaches. An {@link InMemoryOutputStorage} serves
 * runtimes with {@link Feature#IN_MEMORY_OUTPUT_STORAGE} and is refused for re-execution by the
 * others.
 */
public abstract class ReexecutionConformance extends PipelineConformance {
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});

  private OutputStorage storage;

  @BeforeEach
  void createStorage() {
    storage = new FilesystemOutputStorage(tempDir.resolve("outputs"));
  }

  /**
   * Journals its step key in {@code ran}; fails the first time it runs for a step key (when
   * {@code failedOnce} has no entry for it yet), returns its input plus one after that.
   */
  static SolidDefinition failsOnce(String name, Journal ran, Journal failedOnce) {
    return SolidDefinition.builder(name).input(IN).returning(OUT, (ctx, in) -> {
      ran.write(ctx.stepKey());
      if (!failedOnce.contains(ctx.stepKey())) {
        failedOnce.write(ctx.stepKey());
        throw new IllegalStateException("first attempt of " + ctx.stepKey() + " fails");
      }
      return in.get(IN) + 1;
    }).build();
  }

  /** a -> flaky -> after, and a -> other. */
  private PipelineDefinition chain(Journal ran, Journal failedOnce) {
    PipelineBuilder p = PipelineDefinition.builder("chain");
    SolidNode a = p.add(constant("a", 1, ran));
    SolidNode flaky = p.add(failsOnce("flaky", ran, failedOnce)).wire(IN, a.output(OUT));
    p.add(plusOne("after", ran)).wire(IN, flaky.output(OUT));
    p.add(plusOne("other", ran)).wire(IN, a.output(OUT));
    return p.build();
  }

  private RunRequest stored() {
    return RunRequest.builder().outputStorage(storage).build();
  }

  private RunRequest reexecution(String parentRunId, String... steps) {
    return RunRequest.builder().outputStorage(storage).parentOutputs(ParentOutputs.of(parentRunId, Set.of(steps)))
        .build();
  }

  @Test
  void theOutputsOfSucceededStepsAreStoredUnderTheRunAndStep() {
    // When a run fails at flaky
    RunResult parent = execute(chain(journal("ran"), journal("failed")), stored());

    // Then the outputs of the steps that succeeded are stored, the failed step's are not
    assertThat(parent.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(storage.keys(parent.runId(), "a")).contains(List.of(StepOutputKey.of("a", "out")));
    assertThat(storage.read(parent.runId(), "other", getClass().getClassLoader()))
        .contains(Map.of(StepOutputKey.of("other", "out"), 2));
    assertThat(storage.keys(parent.runId(), "flaky")).isEmpty();
    assertThat(storage.keys(parent.runId(), "after")).isEmpty();
  }

  @Test
  void reexecutionRunsOnlyTheChosenStepsAndLoadsWhatTheyReadFromTheParent() {
    // Given a run that failed at flaky, after a and other succeeded
    Journal ran = journal("ran");
    Journal failedOnce = journal("failed");
    PipelineDefinition pipeline = chain(ran, failedOnce);
    RunResult parent = execute(pipeline, stored());
    assertThat(ran.entries()).containsExactlyInAnyOrder("a", "flaky", "other");

    // When flaky and its downstream are re-executed
    RunResult child = execute(pipeline, reexecution(parent.runId(), "flaky", "after"));

    // Then only they ran, with a's output from the parent; other was left out
    assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(ran.entries()).containsExactlyInAnyOrder("a", "flaky", "other", "flaky", "after");
    assertThat(child.output("after", OUT)).isEqualTo(3);
    assertThat(child.steps()).extracting(s -> s.stepKey(), s -> s.status())
        .containsExactlyInAnyOrder(tuple("flaky", StepStatus.SUCCESS), tuple("after", StepStatus.SUCCESS));
    assertThat(child.eventsOf(RunEvent.StepInput.class))
        .filteredOn(e -> e.stepKey().equals("flaky")).singleElement()
        .satisfies(e -> assertThat(e.source()).isEqualTo("a.out (loaded from parent run " + parent.runId() + ")"));
    // and the child stores the loaded outputs too, so that it can be re-executed in turn
    assertThat(storage.keys(child.runId(), "a")).contains(List.of(StepOutputKey.of("a", "out")));
    assertThat(storage.keys(child.runId(), "after")).contains(List.of(StepOutputKey.of("after", "out")));
  }

  /** fan_out (keys from config) -> map(fails once for key "c") -> collect -> gather. */
  private PipelineDefinition mapped(Journal ran, Journal failedOnce) {
    SolidDefinition fanOut = SolidDefinition.builder("fan_out")
        .config(ConfigType.shape().field("keys", ConfigType.list(ConfigType.string())).build())
        .output(ITEMS)
        .compute((ctx, in) -> {
          ran.write(ctx.stepKey());
          List<String> keys = ctx.config().getList("keys", String.class);
          for (int i = 0; i < keys.size(); i++) {
            ctx.emit(ITEMS, keys.get(i), 10 * i);
          }
        })
        .build();
    SolidDefinition measure = SolidDefinition.builder("measure").input(IN).returning(OUT, (ctx, in) -> {
      ran.write(ctx.stepKey());
      if (ctx.mappingKey().orElseThrow().equals("c") && !failedOnce.contains(ctx.stepKey())) {
        failedOnce.write(ctx.stepKey());
        throw new IllegalStateException("first attempt of " + ctx.stepKey() + " fails");
      }
      return in.get(IN) * 2;
    }).build();
    SolidDefinition gather = SolidDefinition.builder("gather").input(ALL)
        .returning(LIST, (ctx, in) -> {
          ran.write(ctx.stepKey());
          return List.copyOf(in.get(ALL));
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("mapped");
    SolidNode fan = p.add(fanOut);
    DynamicHandle<Integer> measured = fan.dynamicOutput(ITEMS).map(p.add(measure), IN, OUT);
    p.add(gather).wire(ALL, measured.collect());
    return p.build();
  }

  @Test
  void reexecutingOneCloneOfAMappedStepReusesTheParentsMappingKeysAndOtherClones() {
    // Given a run where measure[c] failed, so gather was skipped
    Journal ran = journal("ran");
    PipelineDefinition pipeline = mapped(ran, journal("failed"));
    RunConfig keys = RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of("a", "b", "c"))).build();
    RunResult parent = execute(pipeline, RunRequest.builder().runConfig(keys).outputStorage(storage).build());
    assertThat(parent.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(storage.keys(parent.runId(), "fan_out")).contains(List.of(
        new StepOutputKey("fan_out", "items", "a"), new StepOutputKey("fan_out", "items", "b"),
        new StepOutputKey("fan_out", "items", "c")));
    List<String> before = ran.entries();

    // When measure[c] and gather are re-executed
    RunResult child = execute(pipeline, RunRequest.builder().runConfig(keys).outputStorage(storage)
        .parentOutputs(ParentOutputs.of(parent.runId(), Set.of("measure[c]", "gather"))).build());

    // Then only they ran; the other clones and the mapping keys came from the parent
    assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(ran.entries().subList(before.size(), ran.entries().size()))
        .containsExactlyInAnyOrder("measure[c]", "gather");
    assertThat(child.output("gather", LIST)).isEqualTo(List.of(0, 20, 40));
  }

  @Test
  void aMissingParentOutputFailsTheStepThatNeedsItNamingStepParentRunAndFix() {
    // Given a parent run id whose outputs are not in the storage
    Journal ran = journal("ran");

    // When its flaky step is re-executed
    RunResult child = execute(chain(ran, journal("failed")), reexecution("gone-run", "flaky", "after"));

    // Then a fails to load, and nothing runs
    assertThat(child.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(ran.entries()).isEmpty();
    assertThat(child.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.stepKey()).isEqualTo("a");
      assertThat(f.error().message()).contains("Cannot load the outputs of step 'a' from parent run gone-run")
          .contains(storage.describe()).contains("re-execute the step too");
    });
    assertThat(child.steps()).extracting(s -> s.stepKey(), s -> s.status()).containsExactlyInAnyOrder(
        tuple("a", StepStatus.FAILURE), tuple("flaky", StepStatus.SKIPPED), tuple("after", StepStatus.SKIPPED));
  }

  @Test
  void aReexecutionOfAnUnknownStepIsRefusedListingTheSteps() {
    assertThatThrownBy(() -> runtime().submit(chain(journal("ran"), journal("failed")),
        reexecution("parent-run", "flakey")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot re-execute step 'flakey' of run parent-run: pipeline 'chain' has no such step")
        .hasMessageContaining("[a, flaky, after, other]");
  }

  @Test
  void aReexecutionWithoutOutputStorageIsRefused() {
    RunRequest request = RunRequest.builder().parentOutputs(ParentOutputs.of("parent-run", Set.of("flaky"))).build();

    assertThatThrownBy(() -> runtime().submit(chain(journal("ran"), journal("failed")), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an output storage");
  }

  @Test
  void anInMemoryOutputStorageServesAReexecutionWhereTheRuntimeReachesItAndIsRefusedNamingTheFixElsewhere() {
    InMemoryOutputStorage memory = new InMemoryOutputStorage();
    Journal ran = journal("ran");
    PipelineDefinition pipeline = chain(ran, journal("failed"));
    RunRequest child = RunRequest.builder().outputStorage(memory)
        .parentOutputs(ParentOutputs.of("parent-run", Set.of("flaky", "after"))).build();

    if (!supports(Feature.IN_MEMORY_OUTPUT_STORAGE)) {
      assertThatThrownBy(() -> runtime().submit(pipeline, child))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Cannot re-execute run parent-run: output storage in_memory cannot be used on")
          .hasMessageContaining("output_storage: {filesystem: {base_dir: ...}}");
      assertThat(ran.entries()).isEmpty();
      return;
    }
    RunResult parent = execute(pipeline, RunRequest.builder().runId("parent-run").outputStorage(memory).build());
    assertThat(parent.status()).isEqualTo(RunStatus.FAILURE);

    RunResult reexecuted = execute(pipeline, child);

    assertThat(reexecuted.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(reexecuted.output("after", OUT)).isEqualTo(3);
  }

  @Test
  void aPlainRunWithAnInMemoryOutputStorageSucceedsAndStoresWhereTheRuntimeReachesIt() {
    InMemoryOutputStorage memory = new InMemoryOutputStorage();
    PipelineBuilder p = PipelineDefinition.builder("one");
    p.add(SolidDefinition.builder("one").returning(OutputDef.of("out", Integer.class), (ctx, in) -> 1).build());

    RunResult result = execute(p.build(), RunRequest.builder().outputStorage(memory).build());

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.output("one", OutputDef.of("out", Integer.class))).isEqualTo(1);
    if (supports(Feature.IN_MEMORY_OUTPUT_STORAGE)) {
      assertThat(memory.keys(result.runId(), "one")).contains(List.of(StepOutputKey.of("one", "out")));
    } else {
      assertThat(memory.keys(result.runId(), "one")).isEmpty();
    }
  }
}
