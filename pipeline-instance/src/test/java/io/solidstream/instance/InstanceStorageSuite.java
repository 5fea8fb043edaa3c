package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.instance.jdbc.JdbcStorage;
import io.solidstream.instance.storage.EventLogStorage;
import io.solidstream.instance.storage.RunStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage test suite: the same tests on every storage backend (in memory, SQLite, PostgreSQL),
 * through the {@link Instance} and, where a test must set up a state a live run cannot produce
 * (a dead process), through the storage SPI on the same database.
 */
abstract class InstanceStorageSuite {

  @TempDir
  Path temp;

  private InstanceConfig config;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** The config of a new, empty instance for one test. */
  abstract InstanceConfig freshConfig();

  /** Whether a second instance opened with the same config sees the first one's data. */
  boolean persistent() {
    return true;
  }

  @BeforeEach
  void createConfig() {
    config = freshConfig();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  Instance open() {
    return open(config);
  }

  Instance open(InstanceConfig instanceConfig) {
    Instance instance = Instance.open(instanceConfig);
    opened.add(instance);
    return instance;
  }

  /** The storage behind the config, opened directly (for states only a dead process leaves). */
  <S extends RunStorage & EventLogStorage> S storage() {
    assumeTrue(persistent(), "needs a storage shared between openings");
    @SuppressWarnings("unchecked")
    S storage = (S) JdbcStorage.open(config.runStorage());
    opened.add(storage);
    return storage;
  }

  InstanceConfig config() {
    return config;
  }

  static RunRecord startedRecord(String runId, Instant heartbeat) {
    return new RunRecord(runId, "etl", RunStatus.STARTED, Map.of("team", "data"), null, RunConfig.empty(), null,
        "in-process", "4242@gone-host", heartbeat.minusSeconds(5), heartbeat.minusSeconds(5), null, heartbeat);
  }

  // ------------------------------------------------------------------ runs and events

  @Test
  void aRunAndEveryEventAreStoredAndReadBackInOrder() {
    Instance instance = open();
    RunConfig runConfig = RunConfig.fromYaml("solids: {load: {config: {start: 21}}}");

    RunResult result = instance.execute(TestPipelines.etl(),
        RunRequest.builder().runConfig(runConfig).tag("team", "data").tag("schedule", "nightly").build());

    assertThat(result.success()).isTrue();
    assertThat(instance.events(result.runId())).isEqualTo(result.events());
    RunRecord run = instance.run(result.runId()).orElseThrow();
    assertThat(run.pipelineName()).isEqualTo("etl");
    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "schedule", "nightly"));
    assertThat(run.runConfig()).isEqualTo(runConfig);
    assertThat(run.runtime()).isEqualTo("in-process");
    assertThat(run.owner()).isEqualTo(java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
    assertThat(run.parent()).isEmpty();
    assertThat(micros(run.startedAt())).isEqualTo(micros(result.events().get(0).timestamp()));
    assertThat(micros(run.endedAt())).isEqualTo(micros(result.events().get(result.events().size() - 1).timestamp()));
  }

  @Test
  void runsAndEventsSurviveReopeningTheInstance() {
    assumeTrue(persistent());
    RunResult result;
    try (Instance first = Instance.open(config)) {
      result = first.execute(TestPipelines.etl());
    }

    Instance second = open();

    assertThat(second.run(result.runId())).get().extracting(RunRecord::status).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.events(result.runId())).isEqualTo(result.events());
  }

  @Test
  void everyEventTypeIsStoredAsJsonAndReadBackUnchanged() {
    Instance instance = open();
    List<RunEvent> samples = EventSamples.all("samples");
    EventLogStorage eventLog = persistent() ? storage() : instance.eventLogStorage();

    eventLog.storeEvents(samples);

    assertThat(eventLog.events("samples", EventPage.START, 100).events()).isEqualTo(samples);
    assertThat(eventLog.eventCount("samples")).isEqualTo(EventType.values().length);
  }

  @Test
  void runStatusIsDerivedFromTheEvents() throws Exception {
    Instance instance = open();

    RunResult failed = instance.execute(TestPipelines.failing());
    RunHandle blocked = instance.submit(TestPipelines.blocking(), RunRequest.of(
        RunConfig.fromYaml("solids: {wait: {config: {until: '" + temp.resolve("never") + "'}}}")));
    awaitEvent(instance, blocked.runId(), EventType.LOG_MESSAGE, "waiting for");
    assertThat(instance.run(blocked.runId())).get().extracting(RunRecord::status).isEqualTo(RunStatus.STARTED);
    blocked.cancel();
    RunResult cancelled = blocked.await();

    assertThat(instance.run(failed.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILURE)
        .isEqualTo(RunStatus.fromEvents(instance.events(failed.runId())));
    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(instance.run(blocked.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
    RunEvent.StepFailed stepFailed = instance.events(failed.runId()).stream()
        .filter(RunEvent.StepFailed.class::isInstance).map(RunEvent.StepFailed.class::cast).findFirst().orElseThrow();
    assertThat(stepFailed.error().className()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(stepFailed.error().message()).isEqualTo("bad input file");
    assertThat(stepFailed.error().cause().message()).isEqualTo("root cause");
  }

  @Test
  void runsAreFilteredByPipelineStatusAndTagsAndPagedNewestFirst() {
    Instance instance = open();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(instance.execute(TestPipelines.etl(), RunRequest.builder()
          .tag("team", i % 2 == 0 ? "a" : "b").tag("n", Integer.toString(i)).build()).runId());
    }
    String failedA = instance.execute(TestPipelines.failing(), RunRequest.builder().tag("team", "a").build()).runId();

    assertThat(instance.runs(RunQuery.all()).runIds())
        .containsExactly(failedA, ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    assertThat(instance.runs(RunQuery.builder().pipeline("etl").build()).runIds())
        .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    assertThat(instance.runs(RunQuery.builder().status(RunStatus.FAILURE).build()).runIds()).containsExactly(failedA);
    assertThat(instance.runs(RunQuery.builder().tag("team", "a").build()).runIds())
        .containsExactly(failedA, ids.get(4), ids.get(2), ids.get(0));
    assertThat(instance.runs(RunQuery.builder().tag("team", "a").tag("n", "2").build()).runIds())
        .containsExactly(ids.get(2));
    assertThat(instance.runs(RunQuery.builder().pipeline("etl").status(RunStatus.SUCCESS)
        .status(RunStatus.FAILURE).tag("team", "b").build()).runIds()).containsExactly(ids.get(3), ids.get(1));
    assertThat(instance.runs(RunQuery.builder().pipeline("nope").build()).runs()).isEmpty();

    RunQuery pages = RunQuery.builder().tag("team", "a").limit(3).build();
    RunPage first = instance.runs(pages);
    RunPage second = instance.runs(pages.after(first.nextCursor().orElseThrow()));
    assertThat(first.runIds()).containsExactly(failedA, ids.get(4), ids.get(2));
    assertThat(second.runIds()).containsExactly(ids.get(0));
    assertThat(second.hasMore()).isFalse();
    assertThat(instance.runs(RunQuery.builder().tag("team", "a").limit(4).build()).hasMore()).isFalse();
  }

  @Test
  void eventsAreReadFromACursorInPages() {
    Instance instance = open();
    RunResult result = instance.execute(TestPipelines.etl());

    List<RunEvent> read = new ArrayList<>();
    List<Long> cursors = new ArrayList<>();
    long cursor = EventPage.START;
    EventPage page;
    do {
      page = instance.events(result.runId(), cursor, 4);
      assertThat(page.events()).hasSizeLessThanOrEqualTo(4);
      read.addAll(page.events());
      page.storedEvents().forEach(stored -> cursors.add(stored.cursor()));
      cursor = page.cursor();
    } while (page.hasMore());

    assertThat(read).isEqualTo(result.events());
    assertThat(cursors).isSorted().doesNotHaveDuplicates();
    EventPage after = instance.events(result.runId(), cursor, 4);
    assertThat(after.events()).isEmpty();
    assertThat(after.cursor()).isEqualTo(cursor);
    assertThat(after.hasMore()).isFalse();
  }

  @Test
  void stepStatsGiveStartEndAttemptsAndStatusOfEveryStep() {
    Instance instance = open();
    RunResult result = instance.execute(TestPipelines.etl());

    List<StepStats> steps = instance.stepStats(result.runId());

    assertThat(steps).isEqualTo(result.steps());
    assertThat(steps).extracting(StepStats::stepKey, StepStats::status, StepStats::attempts).containsExactly(
        org.assertj.core.groups.Tuple.tuple("load", StepStatus.SUCCESS, 1),
        org.assertj.core.groups.Tuple.tuple("double", StepStatus.SUCCESS, 2),
        org.assertj.core.groups.Tuple.tuple("report", StepStatus.SUCCESS, 1));
    assertThat(steps).allSatisfy(step -> assertThat(step.end()).isAfterOrEqualTo(step.start()));
  }

  @Test
  void concurrentRunsKeepEveryEventInOrder() {
    Instance instance = open();
    List<RunHandle> handles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      handles.add(instance.submit(TestPipelines.chatty(5, 40), RunRequest.defaults()));
    }

    for (RunHandle handle : handles) {
      RunResult result = handle.await();
      assertThat(result.success()).isTrue();
      assertThat(instance.events(result.runId())).isEqualTo(result.events()).hasSizeGreaterThan(200);
    }
  }

  @Test
  void theParentRunIdIsRecordedFromItsTag() {
    Instance instance = open();
    RunResult parent = instance.execute(TestPipelines.failing());

    RunResult child = instance.execute(TestPipelines.failing(),
        RunRequest.builder().tag(Instance.PARENT_RUN_ID_TAG, parent.runId()).build());

    assertThat(instance.run(child.runId()).orElseThrow().parent()).contains(parent.runId());
  }

  @Test
  void runsAreFilteredByParentAndAReexecutionFromFailureLinksToItsParentAndRoot() {
    // Given a failed run, re-executed twice (the second time from the re-execution)
    Instance instance = open();
    RunResult parent = instance.execute(TestPipelines.failing());
    instance.execute(TestPipelines.failing(), RunRequest.builder().tag("other", "run").build());
    RunResult child = instance.reexecute(TestPipelines.failing(), parent.runId(), Reexecution.fromFailure());
    RunResult grandchild = instance.reexecute(TestPipelines.failing(), child.runId(), Reexecution.of("boom"));

    // Then each is found by its parent, and knows the root
    assertThat(instance.runs(RunQuery.builder().parent(parent.runId()).build()).runs())
        .extracting(RunRecord::runId).containsExactly(child.runId());
    assertThat(instance.runs(RunQuery.builder().parent(child.runId()).status(RunStatus.FAILURE).build()).runs())
        .extracting(RunRecord::runId).containsExactly(grandchild.runId());
    RunRecord last = instance.run(grandchild.runId()).orElseThrow();
    assertThat(last.parent()).contains(child.runId());
    assertThat(last.root()).contains(parent.runId());
  }

  @Test
  void aRunIdIsUsedOnlyOnce() {
    Instance instance = open();
    instance.execute(TestPipelines.etl(), RunRequest.builder().runId("nightly-2025-03-01").build());

    assertThatThrownBy(() -> instance.execute(TestPipelines.etl(),
        RunRequest.builder().runId("nightly-2025-03-01").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nightly-2025-03-01' already exists")
        .hasMessageContaining("leave the run id out");
  }

  @Test
  void aRunRefusedForItsRunConfigLeavesNoRunBehind() {
    Instance instance = open();

    assertThatThrownBy(() -> instance.execute(TestPipelines.etl(),
        RunRequest.of(RunConfig.fromYaml("solids: {load: {config: {start: many}}}"))))
        .isInstanceOf(RunConfigException.class);

    assertThat(instance.runs(RunQuery.all()).runs()).isEmpty();
  }

  @Test
  void deletingAFinishedRunRemovesItsEventsWhileUnfinishedRunsAreKept() {
    Instance instance = open();
    RunResult result = instance.execute(TestPipelines.etl());

    assertThat(instance.deleteRun(result.runId())).isTrue();

    assertThat(instance.run(result.runId())).isEmpty();
    assertThatThrownBy(() -> instance.events(result.runId()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no run '" + result.runId() + "'");
    assertThat(instance.deleteRun(result.runId())).isFalse();
    instance.runStorage().addRun(startedRecord("live", Instant.now()));
    assertThatThrownBy(() -> instance.deleteRun("live"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Run live is STARTED; only finished runs can be deleted");
  }

  // ------------------------------------------------------------------ heartbeats

  @Test
  void runningRunsWriteHeartbeats() throws Exception {
    Instance instance = open(config().withHeartbeat(Duration.ofMillis(100), Duration.ofSeconds(30)));
    Path release = temp.resolve("release");
    RunHandle run = instance.submit(TestPipelines.blocking(), RunRequest.of(
        RunConfig.fromYaml("solids: {wait: {config: {until: '" + release + "'}}}")));
    Instant created = instance.run(run.runId()).orElseThrow().createdAt();

    long deadline = System.nanoTime() + TestPipelines.PATIENCE.toNanos();
    while (!instance.run(run.runId()).orElseThrow().heartbeatAt().isAfter(created)) {
      assertThat(System.nanoTime()).as("a heartbeat within " + TestPipelines.PATIENCE).isLessThan(deadline);
      Thread.sleep(20);
    }
    Files.createFile(release);

    assertThat(run.await().success()).isTrue();
  }

  @Test
  void aRunWhoseProcessStoppedSendingHeartbeatsIsMarkedFailedOnOpenKeepingItsEvents() {
    var storage = storage();
    Instant lastBeat = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
    storage.addRun(startedRecord("dead", lastBeat));
    List<RunEvent> before = List.of(
        new RunEvent.RunStarted("dead", lastBeat.minusSeconds(5), "etl", Map.of()),
        new RunEvent.StepStarted("dead", lastBeat.minusSeconds(4), "load", "load", 1),
        new RunEvent.StepSucceeded("dead", lastBeat.minusSeconds(3), "load", "load", Duration.ofSeconds(1), 1),
        new RunEvent.StepStarted("dead", lastBeat.minusSeconds(2), "double", "double", 1),
        new RunEvent.LogMessage("dead", lastBeat.minusSeconds(1), "double", "double", "INFO", "halfway"));
    storage.storeEvents(before);

    Instance instance = open();

    RunRecord run = instance.run("dead").orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(run.endedAt()).isAfter(lastBeat.plus(config().heartbeatTimeout()));
    List<RunEvent> events = instance.events("dead");
    assertThat(events).hasSize(6).startsWith(before.toArray(RunEvent[]::new));
    RunEvent.RunFailed failure = (RunEvent.RunFailed) events.get(5);
    assertThat(failure.reason())
        .contains("process 4242@gone-host stopped sending heartbeats at " + lastBeat)
        .contains("timeout 60 s")
        .contains("steps in progress: double");
    assertThat(failure.failedSteps()).containsExactly("double");
    assertThat(instance.stepStats("dead")).extracting(StepStats::stepKey, StepStats::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("load", StepStatus.SUCCESS),
        org.assertj.core.groups.Tuple.tuple("double", StepStatus.IN_PROGRESS));
    assertThat(instance.markStaleRunsFailed()).as("marked once only").isEmpty();
    assertThat(instance.events("dead")).hasSize(6);
  }

  @Test
  void aRunWithAFreshHeartbeatIsLeftRunning() {
    var storage = storage();
    storage.addRun(startedRecord("alive", Instant.now()));

    Instance instance = open();

    assertThat(instance.run("alive").orElseThrow().status()).isEqualTo(RunStatus.STARTED);
    assertThat(instance.events("alive")).isEmpty();
  }

  @Test
  void aRunWhoseProcessStoredItsLastEventButNotItsStatusIsRepairedNotFailed() {
    var storage = storage();
    Instant lastBeat = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
    storage.addRun(startedRecord("finished", lastBeat));
    storage.storeEvents(List.of(new RunEvent.RunStarted("finished", lastBeat.minusSeconds(2), "etl", Map.of()),
        new RunEvent.RunSucceeded("finished", lastBeat.minusSeconds(1), Duration.ofSeconds(1))));

    Instance instance = open();

    assertThat(instance.run("finished").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(instance.run("finished").orElseThrow().endedAt()).isEqualTo(lastBeat.minusSeconds(1));
    assertThat(instance.events("finished")).hasSize(2);
  }

  @Test
  void ofTwoProcessesRecoveringTheSameRunOnlyOneMarksIt() {
    var storage = storage();
    Instant lastBeat = Instant.now().minus(Duration.ofMinutes(10));
    storage.addRun(startedRecord("dead", lastBeat));
    Instant before = Instant.now().minusSeconds(60);

    assertThat(storage.markFailedIfStale("dead", before, Instant.now())).isTrue();
    assertThat(storage.markFailedIfStale("dead", before, Instant.now())).isFalse();
    assertThat(storage.run("dead").orElseThrow().status()).isEqualTo(RunStatus.FAILURE);
  }

  // ------------------------------------------------------------------ errors

  @Test
  void eventsOfAnUnknownRunAreRefusedNamingTheRun() {
    Instance instance = open();

    assertThatThrownBy(() -> instance.stepStats("no-such-run"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no run 'no-such-run'")
        .hasMessageContaining("instance.runs(RunQuery.all())");
  }

  @Test
  void aClosedInstanceRefusesWorkSayingSo() {
    Instance instance = open();
    instance.close();

    assertThatThrownBy(() -> instance.execute(TestPipelines.etl()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed; open it again");
  }

  // ------------------------------------------------------------------ helpers

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Polls the stored events of a run until one of {@code type} contains {@code text}. */
  static void awaitEvent(Instance instance, String runId, EventType type, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TestPipelines.PATIENCE.toNanos();
    while (instance.events(runId).stream().noneMatch(e -> e.type() == type && e.message().contains(text))) {
      assertThat(System.nanoTime()).as("a " + type + " event with '" + text + "'").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
