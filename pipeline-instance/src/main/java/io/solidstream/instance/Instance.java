package io.solidstream.instance;

import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.PipelineRuntimeProvider;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.instance.jdbc.JdbcStorage;
import io.solidstream.instance.storage.EventLogStorage;
import io.solidstream.instance.storage.InMemoryStorage;
import io.solidstream.instance.storage.RunStorage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent home for runs, like Dagster's instance: every run and every event of the runs
 * launched through it is stored, survives the process, and can be listed and inspected.
 *
 * <p>Open one from a home directory or {@code solidstream.yaml} ({@link #open(Path)}), from {@code
 * SOLIDSTREAM_HOME} ({@link #fromHome()}), or in memory for unit tests ({@link #inMemory()}). Run
 * pipelines through it with {@link #execute} / {@link #submit} on its default runtime, or wrap any
 * runtime with {@link #recording(PipelineRuntime)}. Each run gets a {@link RunRecord} before it
 * starts; its events are written as they happen (batched, on a background thread); its status is
 * the one its events tell; while it runs, its process writes a heartbeat every few seconds.
 * Opening an instance marks runs whose heartbeat is older than the timeout as failed (their process
 * died), keeping the events they wrote.
 *
 * <pre>{@code
 * try (Instance instance = Instance.fromHome()) {
 *   RunResult result = instance.execute(etl, RunRequest.builder().tag("team", "data").build());
 *   RunPage failed = instance.runs(RunQuery.builder().pipeline("etl").status(RunStatus.FAILURE).build());
 *   List<StepStats> steps = instance.stepStats(result.runId());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Several processes may open the same instance at once (SQLite or PostgreSQL).
 */
public final class Instance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

  /** The run tag naming the run a run re-executes; stored as the run record's parent run id. */
  public static final String PARENT_RUN_ID_TAG = "solidstream/parent_run_id";
  /** The run tag naming the first run of a chain of re-executions (on re-executions only). */
  public static final String ROOT_RUN_ID_TAG = "solidstream/root_run_id";
  /** The run tag of a re-execution saying how its steps were chosen: {@code from_failure} or {@code steps}. */
  public static final String REEXECUTION_TAG = "solidstream/reexecution";

  private static final Set<EventType> RUN_LEVEL = EnumSet.of(
      EventType.RUN_STARTED, EventType.RUN_SUCCEEDED, EventType.RUN_FAILED, EventType.RUN_CANCELED);
  private static final Set<EventType> STEP_LIFECYCLE = EnumSet.of(
      EventType.STEP_STARTED, EventType.STEP_SUCCEEDED, EventType.STEP_FAILED, EventType.STEP_SKIPPED);
  private static final Set<EventType> STEP_RESULTS = EnumSet.of(EventType.STEP_STARTED, EventType.STEP_SUCCEEDED,
      EventType.STEP_FAILED, EventType.STEP_SKIPPED, EventType.STEP_OUTPUT);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  private static final int READ_PAGE = 5_000;

  private final InstanceConfig config;
  private final RunStorage runs;
  private final EventLogStorage eventLog;
  private final OutputStorage outputStorage;
  private final List<AutoCloseable> storages;
  private final EventWriter writer;
  private final Heartbeats heartbeats;
  private final String owner;
  private final Set<RunHandle> active = ConcurrentHashMap.newKeySet();
  private PipelineRuntime defaultRuntime;
  private volatile boolean closed;

  private Instance(InstanceConfig config, RunStorage runs, EventLogStorage eventLog, List<AutoCloseable> storages) {
    this.config = config;
    this.runs = runs;
    this.eventLog = eventLog;
    this.outputStorage = config.outputStorage().create(config.source());
    this.storages = storages;
    this.owner = ManagementFactory.getRuntimeMXBean().getName();
    this.writer = new EventWriter(runs, eventLog);
    this.heartbeats = new Heartbeats(runs, config.heartbeatInterval());
  }

  /**
   * Opens the instance at {@code fileOrHome}: a home directory (its {@code solidstream.yaml} is read if
   * present) or a {@code .yaml} file. Creates the storage if missing and marks runs of dead
   * processes as failed.
   *
   * @throws InstanceConfigException if the config file is invalid (every error)
   * @throws StorageException if the storage cannot be opened
   */
  public static Instance open(Path fileOrHome) {
    return open(InstanceConfig.load(fileOrHome));
  }

  /** Opens the instance in {@code SOLIDSTREAM_HOME}, or in {@code ~/.solidstream} if it is not set. */
  public static Instance fromHome() {
    return open(InstanceConfig.defaultHome(EnvironmentLookup.system()));
  }

  /** A new instance in memory, running pipelines in-process: for unit tests; forgets everything on close. */
  public static Instance inMemory() {
    return open(InstanceConfig.inMemory());
  }

  /**
   * Opens an instance with this config.
   *
   * @throws StorageException if the storage cannot be opened
   */
  public static Instance open(InstanceConfig config) {
    Objects.requireNonNull(config, "config");
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Object runStorage = openStorage(config.runStorage(), opened);
      Object eventStorage = config.eventLogStorage().equals(config.runStorage())
          ? runStorage : openStorage(config.eventLogStorage(), opened);
      Instance instance = new Instance(config, (RunStorage) runStorage, (EventLogStorage) eventStorage, opened);
      instance.markStaleRunsFailed();
      return instance;
    } catch (RuntimeException e) {
      for (AutoCloseable storage : opened) {
        closeQuietly(storage);
      }
      throw e;
    }
  }

  private static Object openStorage(StorageConfig storage, List<AutoCloseable> opened) {
    AutoCloseable result = storage instanceof StorageConfig.InMemory ? new InMemoryStorage() : JdbcStorage.open(storage);
    opened.add(result);
    return result;
  }

  /** The config the instance was opened with. */
  public InstanceConfig config() {
    return config;
  }

  /**
   * The instance's default runtime, created on first use from the config's {@code runtime} section
   * and closed with the instance. Runs submitted to it directly are not recorded: use {@link
   * #execute}, {@link #submit} or {@link #recording}.
   */
  public synchronized PipelineRuntime defaultRuntime() {
    checkOpen();
    if (defaultRuntime == null) {
      RuntimeConfig runtime = config.runtime();
      PipelineRuntimeProvider provider = InstanceConfig.installedRuntimes().get(runtime.name());
      if (provider == null) {
        throw new IllegalStateException("Runtime '" + runtime.name() + "' of " + config.source() + " is not on the"
            + " classpath any more; add its module, or choose one of " + InstanceConfig.installedRuntimes().keySet());
      }
      defaultRuntime = provider.create(runtime.config());
    }
    return defaultRuntime;
  }

  /**
   * {@code runtime}, recording every run it executes into this instance. The returned runtime does
   * not close {@code runtime}: its caller owns it.
   *
   * <pre>{@code
   * PipelineRuntime recorded = instance.recording(LocalRuntime.builder().maxConcurrent(4).build());
   * RunResult result = recorded.execute(pipeline, request);   // stored in the instance
   * }</pre>
   */
  public PipelineRuntime recording(PipelineRuntime runtime) {
    Objects.requireNonNull(runtime, "runtime");
    checkOpen();
    return new RecordingRuntime(this, runtime);
  }

  /**
   * Starts a recorded run on the default runtime and returns at once; the handle completes when the
   * run finished and all its events are stored.
   *
   * @throws io.solidstream.api.config.RunConfigException if the run config is invalid (no run is recorded)
   * @throws IllegalArgumentException if the request's run id is already used in this instance
   */
  public RunHandle submit(PipelineDefinition pipeline, RunRequest request) {
    return recording(defaultRuntime()).submit(pipeline, request);
  }

  /**
   * Runs on the default runtime, records the run, and returns its result once all its events are stored.
   *
   * @throws StorageException if some events of the run could not be stored
   */
  public RunResult execute(PipelineDefinition pipeline, RunRequest request) {
    return submit(pipeline, request).await();
  }

  /**
   * The storage of step outputs (the config's {@code output_storage}): every run launched through
   * the instance stores the outputs of its succeeded steps there, under its run id, unless its
   * request names another storage.
   */
  public OutputStorage outputStorage() {
    return outputStorage;
  }

  /**
   * Re-executes a finished run on the default runtime and waits for the result: runs the steps
   * {@code reexecution} chooses, loading the outputs they read of the other steps from the parent
   * run's outputs. See {@link #submitReexecution}.
   *
   * <pre>{@code
   * RunResult retry = instance.reexecute(etl, failedRunId, Reexecution.fromFailure());
   * retry.runId();                                   // a new run, whose parent is failedRunId
   * }</pre>
   *
   * @throws IllegalArgumentException if the parent run is unknown, of another pipeline, has no
   *     failure to re-execute from, names unknown steps, or a needed parent output is missing
   */
  public RunResult reexecute(PipelineDefinition pipeline, String parentRunId, Reexecution reexecution) {
    return submitReexecution(pipeline, parentRunId, reexecution, RunRequest.defaults()).await();
  }

  /**
   * Starts a re-execution of a finished run on the default runtime and returns at once.
   *
   * <p>The new run uses the parent's run config and solid selection, and the parent's tags plus
   * {@link #PARENT_RUN_ID_TAG}, {@link #ROOT_RUN_ID_TAG} and {@link #REEXECUTION_TAG}; {@code
   * request} adds listeners, replacement resources, tags, an environment and a run id (its run
   * config and selection are ignored). Steps that do not run are loaded from the parent's outputs
   * in {@link #outputStorage()} (and stored again under the new run, so that it can be
   * re-executed in turn); the inputs read from them say "loaded from parent run ..." in their
   * {@code STEP_INPUT} events. Before the run starts, every needed parent output is checked.
   *
   * @throws IllegalArgumentException if the parent run is unknown, of another pipeline, has no
   *     failure to re-execute from, names unknown steps, or a needed parent output is missing
   * @throws IllegalStateException if the parent run has not finished
   * @throws io.solidstream.api.config.RunConfigException if the parent's run config is no longer valid
   */
  public RunHandle submitReexecution(
      PipelineDefinition pipeline, String parentRunId, Reexecution reexecution, RunRequest request) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(reexecution, "reexecution");
    Objects.requireNonNull(request, "request");
    RunRecord parent = run(Objects.requireNonNull(parentRunId, "parentRunId")).orElseThrow(() ->
        new IllegalArgumentException("Cannot re-execute run " + parentRunId + ": instance " + config.source()
            + " has no such run; list the runs with instance.runs(RunQuery.all())"));
    if (!parent.pipelineName().equals(pipeline.name())) {
      throw new IllegalArgumentException("Cannot re-execute run " + parentRunId + " with pipeline '" + pipeline.name()
          + "': the run is of pipeline '" + parent.pipelineName() + "'; pass that pipeline");
    }
    if (!parent.status().isDone()) {
      throw new IllegalStateException("Cannot re-execute run " + parentRunId + ": it is " + parent.status()
          + "; wait until it ends, or cancel it");
    }
    if (request.selection().isPresent() || request.parentOutputs().isPresent()) {
      throw new IllegalArgumentException("Cannot re-execute run " + parentRunId + " with a request that has its own"
          + " solid selection or parent outputs: the steps come from the Reexecution (" + reexecution + ") and the"
          + " parent's selection; remove them from the request");
    }
    RunRequest.Builder builder = request.toBuilder().runConfig(parent.runConfig());
    if (parent.selection() != null) {
      builder.selection(parent.selection());
    }
    ExecutionPlan plan = ExecutionPlan.create(pipeline, builder.build());
    ReexecutionSteps steps = new ReexecutionSteps(plan, parent, eventLog.events(parentRunId, STEP_RESULTS));
    Set<String> toRun = steps.stepsToRun(reexecution);
    OutputStorage storage = request.outputStorage().orElse(outputStorage);
    builder.outputStorage(storage).parentOutputs(ParentOutputs.of(parentRunId, toRun));
    ExecutionPlan.create(pipeline, builder.build()); // refuses unknown step keys before anything is recorded
    steps.checkParentOutputs(toRun, storage);
    Map<String, String> tags = new LinkedHashMap<>(parent.tags());
    tags.putAll(request.tags());
    tags.put(PARENT_RUN_ID_TAG, parentRunId);
    tags.put(ROOT_RUN_ID_TAG, parent.root().orElse(parentRunId));
    tags.put(REEXECUTION_TAG, reexecution.tagValue());
    tags.forEach(builder::tag);
    return submit(pipeline, builder.build());
  }

  /** Runs with an empty run config; see {@link #execute(PipelineDefinition, RunRequest)}. */
  public RunResult execute(PipelineDefinition pipeline) {
    return execute(pipeline, RunRequest.defaults());
  }

  /** The record of a run, if this instance has it. */
  public Optional<RunRecord> run(String runId) {
    checkOpen();
    return runs.run(Objects.requireNonNull(runId, "runId"));
  }

  /** One page of the runs matching {@code query}, newest first. */
  public RunPage runs(RunQuery query) {
    checkOpen();
    return runs.runs(Objects.requireNonNull(query, "query"));
  }

  /**
   * Up to {@code limit} events of a run after {@code afterCursor} ({@link EventPage#START} for the
   * first), in the order they happened.
   *
   * @throws IllegalArgumentException if the instance has no such run
   */
  public EventPage events(String runId, long afterCursor, int limit) {
    requireRun(runId);
    return eventLog.events(runId, afterCursor, limit);
  }

  /**
   * Every event of a run, in the order they happened.
   *
   * @throws IllegalArgumentException if the instance has no such run
   */
  public List<RunEvent> events(String runId) {
    requireRun(runId);
    List<RunEvent> all = new ArrayList<>();
    EventPage page;
    long cursor = EventPage.START;
    do {
      page = eventLog.events(runId, cursor, READ_PAGE);
      all.addAll(page.events());
      cursor = page.cursor();
    } while (page.hasMore());
    return all;
  }

  /**
   * Per-step stats of a run (start, end, attempts, status), in the order the steps first started,
   * derived from its stored events.
   *
   * @throws IllegalArgumentException if the instance has no such run
   */
  public List<StepStats> stepStats(String runId) {
    requireRun(runId);
    return StepStats.fromEvents(eventLog.events(runId, STEP_LIFECYCLE));
  }

  /**
   * Deletes a finished run and all its events.
   *
   * @return whether the run existed
   * @throws IllegalStateException if the run has not finished
   */
  public boolean deleteRun(String runId) {
    checkOpen();
    Optional<RunRecord> run = runs.run(runId);
    if (run.isEmpty()) {
      return false;
    }
    if (!run.get().status().isDone()) {
      throw new IllegalStateException("Run " + runId + " is " + run.get().status() + "; only finished runs can be"
          + " deleted: cancel it, or wait until it ends (or is marked failed after its process died)");
    }
    eventLog.deleteEvents(runId);
    try {
      outputStorage.deleteRun(runId);
    } catch (RuntimeException e) {
      LOG.warn("The outputs of run {} could not be deleted from output storage {}: {}", runId,
          outputStorage.describe(), e.toString());
    }
    return runs.deleteRun(runId);
  }

  /**
   * Marks as failed the unfinished runs whose heartbeat is older than the configured timeout: their
   * process died. Appends a {@code RUN_FAILED} event saying so to each, keeping every earlier event.
   * Called by {@code open}; safe to call from several processes at once (each run is marked once).
   *
   * @return the runs marked failed
   */
  public List<RunRecord> markStaleRunsFailed() {
    checkOpen();
    Instant now = Instant.now();
    Instant before = now.minus(config.heartbeatTimeout());
    List<RunRecord> marked = new ArrayList<>();
    for (RunRecord run : runs.staleRuns(before)) {
      if (heartbeats.isActive(run.runId())) {
        continue;
      }
      List<RunEvent> lifecycle = eventLog.events(run.runId(), RUN_LEVEL);
      RunStatus told = RunStatus.fromEvents(lifecycle);
      if (told.isDone()) {
        // Its process stored the final event but died before updating the run: repair the record.
        runs.updateStatus(run.runId(), told, lifecycle.get(lifecycle.size() - 1).timestamp());
        continue;
      }
      if (!runs.markFailedIfStale(run.runId(), before, now)) {
        continue; // another process marked it first
      }
      List<String> unfinished = StepStats.fromEvents(eventLog.events(run.runId(), STEP_LIFECYCLE)).stream()
          .filter(step -> step.status() == StepStatus.IN_PROGRESS)
          .map(StepStats::stepKey)
          .toList();
      long silent = Duration.between(run.heartbeatAt(), now).toSeconds();
      String reason = "process " + run.owner() + " stopped sending heartbeats at " + run.heartbeatAt()
          + " (none for " + silent + " s, timeout " + config.heartbeatTimeout().toSeconds() + " s); marked failed"
          + " by " + owner + " on opening the instance"
          + (unfinished.isEmpty() ? "" : "; steps in progress: " + String.join(", ", unfinished));
      eventLog.storeEvents(List.of(new RunEvent.RunFailed(run.runId(), now, reason, unfinished, null)));
      LOG.warn("Run {} of pipeline '{}' marked failed: {}", run.runId(), run.pipelineName(), reason);
      marked.add(run.withStatus(RunStatus.FAILURE, now));
    }
    return marked;
  }

  /**
   * Cancels the runs still in progress, waits (up to 30 s) until they end and their events are
   * stored, then closes the default runtime and the storage.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (RunHandle run : List.copyOf(active)) {
      run.cancel();
    }
    for (RunHandle run : List.copyOf(active)) {
      try {
        if (run.await(CLOSE_WAIT).isEmpty()) {
          LOG.warn("Run {} did not end within {} s of closing the instance; its last events may be missing",
              run.runId(), CLOSE_WAIT.toSeconds());
        }
      } catch (RuntimeException e) {
        LOG.warn("Run {} ended with an error while the instance closed: {}", run.runId(), e.toString());
      }
    }
    writer.close();
    heartbeats.close();
    synchronized (this) {
      if (defaultRuntime != null) {
        closeQuietly(defaultRuntime);
      }
    }
    for (AutoCloseable storage : storages) {
      closeQuietly(storage);
    }
  }

  @Override
  public String toString() {
    return "Instance{" + config.source() + "}";
  }

  // ------------------------------------------------------------------ for RecordingRuntime

  RunStorage runStorage() {
    return runs;
  }

  EventLogStorage eventLogStorage() {
    return eventLog;
  }

  EventWriter writer() {
    return writer;
  }

  Heartbeats heartbeats() {
    return heartbeats;
  }

  String owner() {
    return owner;
  }

  void track(RunHandle run) {
    active.add(run);
  }

  void untrack(RunHandle run) {
    active.remove(run);
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The instance " + config.source() + " is closed; open it again");
    }
  }

  private void requireRun(String runId) {
    checkOpen();
    if (runs.run(Objects.requireNonNull(runId, "runId")).isEmpty()) {
      throw new IllegalArgumentException("Instance " + config.source() + " has no run '" + runId + "'; list its"
          + " runs with instance.runs(RunQuery.all())");
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed", closeable, e);
    }
  }
}
