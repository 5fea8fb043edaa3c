package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.outputs.InMemoryOutputStorage;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-execution end to end: an SQLite instance with the default filesystem output storage, running
 * in-process; each re-execution opens the instance anew, as another process (the CLI) would.
 */
class ReexecutionTest {
  static final OutputDef<List<Integer>> ROWS = OutputDef.of("rows", new TypeRef<>() {});
  static final InputDef<List<Integer>> ROWS_IN = InputDef.of("rows", new TypeRef<>() {});
  static final OutputDef<Integer> TOTAL = OutputDef.of("total", Integer.class);
  static final InputDef<Integer> TOTAL_IN = InputDef.of("total", Integer.class);
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);
  static final InputDef<Integer> ITEM = InputDef.of("item", Integer.class);
  static final OutputDef<Integer> OUT = OutputDef.of("out", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<List<Integer>> LIST = OutputDef.of("list", new TypeRef<>() {});

  @TempDir
  Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  private Instance open() {
    return Instance.open(InstanceConfig.load(home(), EnvironmentLookup.of(Map.of())));
  }

  /** Appends {@code entry} to the file {@code journal} (one line per step that ran). */
  static void journal(String journal, String entry) {
    try {
      Files.writeString(Path.of(journal), entry + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> ran() throws IOException {
    Path file = temp.resolve("ran");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /**
   * load -> transform -> report, and load -> audit; transform fails while the marker file does
   * not exist, creating it: it fails on the first run and succeeds after.
   */
  private PipelineDefinition etl() {
    String journal = temp.resolve("ran").toString();
    String marker = temp.resolve("transform-failed-once").toString();
    SolidDefinition load = SolidDefinition.builder("load").returning(ROWS, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      return List.of(1, 2, 3);
    }).build();
    SolidDefinition transform = SolidDefinition.builder("transform").input(ROWS_IN).returning(TOTAL, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      if (!Files.exists(Path.of(marker))) {
        Files.createFile(Path.of(marker));
        throw new IllegalStateException("the warehouse is down");
      }
      return in.get(ROWS_IN).stream().mapToInt(Integer::intValue).sum();
    }).build();
    SolidDefinition report = SolidDefinition.builder("report").input(TOTAL_IN).returning(TOTAL, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      return in.get(TOTAL_IN) * 10;
    }).build();
    SolidDefinition audit = SolidDefinition.builder("audit").input(ROWS_IN).returning(TOTAL, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      return in.get(ROWS_IN).size();
    }).build();
    PipelineBuilder p = PipelineDefinition.builder("etl");
    SolidNode l = p.add(load);
    SolidNode t = p.add(transform).wire(ROWS_IN, l.output(ROWS));
    p.add(report).wire(TOTAL_IN, t.output(TOTAL));
    p.add(audit).wire(ROWS_IN, l.output(ROWS));
    return p.build();
  }

  private String failedParent(PipelineDefinition pipeline) {
    try (Instance instance = open()) {
      RunResult parent = instance.execute(pipeline, RunRequest.defaults());
      assertThat(parent.status()).isEqualTo(RunStatus.FAILURE);
      return parent.runId();
    }
  }

  @Test
  void aFailedRunReexecutedFromFailureRunsOnlyTheFailedStepAndItsDownstreamReusingTheSucceededOutputs()
      throws IOException {
    // Given a run that failed at transform (load and audit succeeded, report was skipped)
    PipelineDefinition etl = etl();
    String parentId = failedParent(etl);
    assertThat(ran()).containsExactlyInAnyOrder("load", "transform", "audit");
    Path base = home().resolve("storage/outputs");
    assertThat(base.resolve(parentId).resolve("load").resolve("rows")).isRegularFile();
    assertThat(base.resolve(parentId).resolve("transform")).doesNotExist();

    // When it is re-executed from failure, by another process
    try (Instance instance = open()) {
      RunResult child = instance.reexecute(etl, parentId, Reexecution.fromFailure());

      // Then only transform and report ran, with load's rows from the parent, and the run succeeded
      assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(ran()).containsExactlyInAnyOrder("load", "transform", "audit", "transform", "report");
      assertThat(child.output("report", TOTAL)).isEqualTo(60);
      assertThat(instance.stepStats(child.runId())).extracting(StepStats::stepKey)
          .containsExactlyInAnyOrder("transform", "report");
      assertThat(instance.events(child.runId())).filteredOn(RunEvent.StepInput.class::isInstance)
          .map(RunEvent.StepInput.class::cast)
          .filteredOn(e -> e.stepKey().equals("transform")).singleElement()
          .satisfies(e -> assertThat(e.source()).isEqualTo("load.rows (loaded from parent run " + parentId + ")"));

      // and the new run links to its parent
      RunRecord record = instance.run(child.runId()).orElseThrow();
      assertThat(record.parent()).contains(parentId);
      assertThat(record.root()).contains(parentId);
      assertThat(record.tags()).containsEntry(Instance.REEXECUTION_TAG, "from_failure");
      assertThat(instance.runs(RunQuery.builder().parent(parentId).build()).runs())
          .extracting(RunRecord::runId).containsExactly(child.runId());
      assertThat(instance.runs(RunQuery.builder().parent(child.runId()).build()).runs()).isEmpty();
    }
  }

  @Test
  void reexecutingChosenStepsRunsExactlyThemAndAChainKeepsItsRoot() throws IOException {
    // Given a failed run, re-executed from failure (which succeeded)
    PipelineDefinition etl = etl();
    String parentId = failedParent(etl);
    String childId;
    try (Instance instance = open()) {
      childId = instance.reexecute(etl, parentId, Reexecution.fromFailure()).runId();
    }
    int before = ran().size();

    // When report alone is re-executed from the re-execution
    try (Instance instance = open()) {
      RunResult grandchild = instance.reexecute(etl, childId, Reexecution.of("report"));

      // Then only report ran, reading transform's total (computed by the child)
      assertThat(grandchild.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(ran().subList(before, ran().size())).containsExactly("report");
      assertThat(grandchild.output("report", TOTAL)).isEqualTo(60);
      RunRecord record = instance.run(grandchild.runId()).orElseThrow();
      assertThat(record.parent()).contains(childId);
      assertThat(record.root()).contains(parentId);
      assertThat(record.tags()).containsEntry(Instance.REEXECUTION_TAG, "steps");
    }
  }

  @Test
  void aStepSelectionWithAStarRunsTheStepAndEverythingDownstream() throws IOException {
    // Given a succeeded run (after a failed one created the marker)
    PipelineDefinition etl = etl();
    String parentId;
    try (Instance instance = open()) {
      instance.execute(etl, RunRequest.defaults());
      parentId = instance.execute(etl, RunRequest.defaults()).runId();
    }
    int before = ran().size();

    // When transform and everything downstream of it are re-executed
    try (Instance instance = open()) {
      RunResult child = instance.reexecute(etl, parentId, Reexecution.of("transform*"));

      // Then transform and report ran; load's rows came from the parent, audit was left out
      assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(ran().subList(before, ran().size())).containsExactly("transform", "report");
      assertThatThrownBy(() -> instance.reexecute(etl, parentId, Reexecution.of("*reprot")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Cannot re-execute '*reprot' of run " + parentId + ": pipeline 'etl' has no step"
              + " 'reprot'");
    }
  }

  @Test
  void aMissingParentOutputIsRefusedBeforeTheRunNamingStepOutputParentAndFix() throws IOException {
    // Given a failed run whose stored outputs of load were deleted
    PipelineDefinition etl = etl();
    String parentId = failedParent(etl);
    Path loadOutputs = home().resolve("storage/outputs").resolve(parentId).resolve("load");
    try (Stream<Path> files = Files.walk(loadOutputs)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }

    try (Instance instance = open()) {
      // When it is re-executed from failure, then it is refused with the step, its output and the fix
      assertThatThrownBy(() -> instance.reexecute(etl, parentId, Reexecution.fromFailure()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Cannot re-execute run " + parentId + " of pipeline 'etl'")
          .hasMessageContaining("step 'load' (outputs rows): it succeeded, but its outputs were not stored")
          .hasMessageContaining(instance.outputStorage().describe())
          .hasMessageContaining("Re-execute those steps too: Reexecution.of(\"transform\", \"report\", \"load\")");
      // and no run was recorded
      assertThat(instance.runs(RunQuery.builder().parent(parentId).build()).runs()).isEmpty();
    }
  }

  @Test
  void reexecutingASucceededRunFromFailureIsRefused() {
    PipelineDefinition etl = etl();
    try (Instance instance = open()) {
      instance.execute(etl, RunRequest.defaults()); // fails at transform, creating the marker
      String succeeded = instance.execute(etl, RunRequest.defaults()).runId();

      assertThatThrownBy(() -> instance.reexecute(etl, succeeded, Reexecution.fromFailure()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Run " + succeeded + " of pipeline 'etl' succeeded: there is no failure to"
              + " re-execute from; re-execute chosen steps with Reexecution.of(");
    }
  }

  @Test
  void anUnknownParentRunOrAnotherPipelineOrAnUnknownStepIsRefused() {
    PipelineDefinition etl = etl();
    String parentId = failedParent(etl);
    try (Instance instance = open()) {
      assertThatThrownBy(() -> instance.reexecute(etl, "no-such-run", Reexecution.fromFailure()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Cannot re-execute run no-such-run: instance")
          .hasMessageContaining("has no such run");
      assertThatThrownBy(() -> instance.reexecute(TestPipelines.failing(), parentId, Reexecution.fromFailure()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the run is of pipeline 'etl'; pass that pipeline");
      assertThatThrownBy(() -> instance.reexecute(etl, parentId, Reexecution.of("reprot")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Cannot re-execute step 'reprot' of run " + parentId + ": pipeline 'etl' has no such"
              + " step; its steps: [load, transform, report, audit]");
    }
  }

  /** fan_out emits a, b, c; measure doubles each and fails once for c; gather collects. */
  private PipelineDefinition mapped() {
    String journal = temp.resolve("ran").toString();
    String marker = temp.resolve("c-failed-once").toString();
    SolidDefinition fanOut = SolidDefinition.builder("fan_out").output(ITEMS).compute((ctx, in) -> {
      journal(journal, ctx.stepKey());
      ctx.emit(ITEMS, "a", 1);
      ctx.emit(ITEMS, "b", 2);
      ctx.emit(ITEMS, "c", 3);
    }).build();
    SolidDefinition measure = SolidDefinition.builder("measure").input(ITEM).returning(OUT, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      if (ctx.mappingKey().orElseThrow().equals("c") && !Files.exists(Path.of(marker))) {
        Files.createFile(Path.of(marker));
        throw new IllegalStateException("item c is not ready");
      }
      return in.get(ITEM) * 2;
    }).build();
    SolidDefinition gather = SolidDefinition.builder("gather").input(ALL).returning(LIST, (ctx, in) -> {
      journal(journal, ctx.stepKey());
      return List.copyOf(in.get(ALL));
    }).build();
    PipelineBuilder p = PipelineDefinition.builder("mapped");
    SolidNode fan = p.add(fanOut);
    DynamicHandle<Integer> measured = fan.dynamicOutput(ITEMS).map(p.add(measure), ITEM, OUT);
    p.add(gather).wire(ALL, measured.collect());
    return p.build();
  }

  @Test
  void fromFailureOfAMappedStepRerunsOnlyTheFailedCloneWithTheParentsMappingKeys() throws IOException {
    // Given a run where measure[c] failed (measure[a], measure[b] succeeded, gather was skipped)
    PipelineDefinition pipeline = mapped();
    String parentId;
    try (Instance instance = open()) {
      parentId = instance.execute(pipeline, RunRequest.defaults()).runId();
    }
    int before = ran().size();

    // When it is re-executed from failure
    try (Instance instance = open()) {
      RunResult child = instance.reexecute(pipeline, parentId, Reexecution.fromFailure());

      // Then only measure[c] and gather ran, over the parent's mapping keys
      assertThat(child.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(ran().subList(before, ran().size())).containsExactlyInAnyOrder("measure[c]", "gather");
      assertThat(child.output("gather", LIST)).isEqualTo(List.of(2, 4, 6));
    }
  }

  @Test
  void aCustomOutputStorageClassFromTheConfigIsUsed() throws IOException {
    // Given an instance whose output_storage is a class of the user's
    Files.createDirectories(home());
    Files.writeString(home().resolve("solidstream.yaml"), "output_storage:\n  custom:\n    class_name: "
        + CountingStorage.class.getName() + "\n    config: {label: tests}\n");
    try (Instance instance = open()) {
      // When a run succeeds
      String runId = instance.execute(TestPipelines.etl(), RunRequest.defaults()).runId();

      // Then its outputs are in that storage
      assertThat(instance.outputStorage().describe()).isEqualTo("counting tests");
      assertThat(instance.outputStorage().keys(runId, "load")).contains(List.of(StepOutputKey.of("load", "number")));
    }
  }

  @Test
  void anOutputStorageClassNotOnTheClasspathIsAConfigError() throws IOException {
    Files.createDirectories(home());
    Files.writeString(home().resolve("solidstream.yaml"),
        "output_storage:\n  custom: {class_name: com.acme.NoSuchStorage}\n");

    assertThatThrownBy(this::open)
        .isInstanceOf(InstanceConfigException.class)
        .hasMessageContaining("output_storage.custom.class_name: class com.acme.NoSuchStorage is not on the"
            + " classpath; add its jar or fix the name");
  }

  /** A user's output storage: keeps outputs in memory, describes itself with its config's label. */
  public static final class CountingStorage implements OutputStorage {
    private static final long serialVersionUID = 1L;
    private final InMemoryOutputStorage delegate = new InMemoryOutputStorage();
    private final String label;

    public CountingStorage(Map<String, Object> config) {
      this.label = String.valueOf(config.get("label"));
    }

    @Override
    public void write(String runId, String stepKey, Map<StepOutputKey, Object> outputs) {
      delegate.write(runId, stepKey, outputs);
    }

    @Override
    public Optional<Map<StepOutputKey, Object>> read(String runId, String stepKey, ClassLoader classLoader) {
      return delegate.read(runId, stepKey, classLoader);
    }

    @Override
    public Optional<List<StepOutputKey>> keys(String runId, String stepKey) {
      return delegate.keys(runId, stepKey);
    }

    @Override
    public boolean deleteRun(String runId) {
      return delegate.deleteRun(runId);
    }

    @Override
    public String describe() {
      return "counting " + label;
    }
  }
}
