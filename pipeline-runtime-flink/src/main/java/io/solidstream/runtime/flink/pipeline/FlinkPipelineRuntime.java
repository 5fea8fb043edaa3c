package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.PlanSerializability;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.execution.RunEvents;
import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.RunRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.solidstream.runtime.flink.FlinkCluster;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs pipelines on Apache Flink 2.2: the whole execution plan of a run becomes one Flink job in
 * which each step is an operator, so independent steps run at the same time in their own tasks
 * and the clones of a step mapped over a dynamic output are spread over several slots.
 *
 * <pre>{@code
 * PipelineRuntime runtime = FlinkPipelineRuntime.miniCluster();   // instead of LocalRuntime.create()
 * RunResult result = runtime.execute(etl, RunRequest.of(RunConfig.fromYaml(yaml)));
 * }</pre>
 *
 * <p>A run behaves as in-process, because the plan is made on the client by the same planner and
 * every step runs through the same {@code StepRunner}:
 *
 * <ul>
 *   <li><b>Submit.</b> {@code submit()} validates the run config and the selection (throwing
 *       {@code RunConfigException} / {@code IllegalArgumentException} as in-process), checks that
 *       every solid, hook, resource definition, fixed input value and replacement resource
 *       serializes (throwing {@link InvalidPipelineException} naming each culprit), then submits the
 *       job and returns.
 *   <li><b>Events.</b> Every event of a step is sent to the client while the job runs and delivered
 *       to the request's listeners at once; the client delivers a step's events after those of the
 *       steps it reads, so a run yields the event sequence an in-process run would. The
 *       {@code RunResult} (outputs, dynamic and mapped outputs, events, step stats, failures) is
 *       built like in-process. Output values travel Java-serialized between steps.
 *   <li><b>Failures.</b> A failing step fails alone (no Flink restart): its {@code
 *       UserCodeException} names the solid and step and keeps the original exception as cause;
 *       downstream steps are skipped, independent ones go on.
 *   <li><b>Resources</b> are opened on the task manager by the steps of an operator that use them,
 *       on first use, and closed when the operator finishes, not once per run (the conformance
 *       suite's {@code RUN_SCOPED_RESOURCES} is unsupported); a replacement resource of the request
 *       is shipped (it must be serializable) and used as it is, never closed.
 *   <li><b>Dynamic outputs.</b> The clones of a mapped step run in the subtasks of the step's
 *       operator ({@link #withMappedParallelism(int) mapped parallelism}, by default one less than
 *       the cluster's slots), chosen by mapping key; {@code collect()} waits for all clones.
 *   <li><b>Stream programs</b> of {@code StreamSolid} steps run as their own jobs on the same
 *       cluster, so they need free slots: a run of plain steps takes one slot, a run with mapped
 *       steps as many as the mapped parallelism, which leaves at least one slot free by default.
 *   <li><b>Cancellation</b> cancels the job once the client has fetched the events sent before
 *       (within 2 s): running steps are interrupted and see {@code ctx.isCancelled()}, no other
 *       step starts, resources are closed, the run ends {@code CANCELED} with the events of what
 *       ran before the cancel.
 *   <li><b>Remote clusters</b> ({@link #remote(String)}): the user's jars are shipped with the
 *       job; a {@code StreamSolid} step submits its program from the task manager to the same REST
 *       address with the jars of the pipeline's job, so that address must be reachable from the
 *       task managers.
 * </ul>
 *
 * <p>Thread-safe; one runtime may run many pipelines at once.
 */
public final class FlinkPipelineRuntime implements PipelineRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkPipelineRuntime.class);
  /** The mapped parallelism meaning "one less than the cluster's slots, asked at every submit". */
  private static final int DEFAULT_MAPPED_PARALLELISM = 0;

  private final FlinkCluster cluster;
  private final int mappedParallelism;
  private final PlanSerializability serializability = new PlanSerializability();

  private FlinkPipelineRuntime(FlinkCluster cluster, int mappedParallelism) {
    this.cluster = cluster;
    this.mappedParallelism = mappedParallelism;
  }

  /** A runtime on this JVM's shared Flink mini-cluster ({@code flink-minicluster}). */
  public static FlinkPipelineRuntime miniCluster() {
    return on(FlinkCluster.miniCluster());
  }

  /**
   * A runtime whose runs are jobs on {@code cluster}; {@link #close()} closes the cluster handle.
   * Nothing is contacted until the first run. Stream programs of {@code StreamSolid} steps can run
   * only if the cluster is {@link Serializable}, since task managers submit them; the mini-cluster
   * and {@link FlinkCluster#remote(String, int) remote clusters} are.
   */
  public static FlinkPipelineRuntime on(FlinkCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return new FlinkPipelineRuntime(cluster, DEFAULT_MAPPED_PARALLELISM);
  }

  /**
   * A runtime on the running Flink cluster whose REST endpoint is {@code hostAndPort}, shipping this
   * JVM's class path with every run (see {@link FlinkCluster#remote(String, int)}).
   *
   * <pre>{@code
   * PipelineRuntime runtime = FlinkPipelineRuntime.remote("flink-jm.internal:8081");
   * RunResult result = runtime.execute(etl, RunRequest.of(runConfig));
   * }</pre>
   *
   * <p>The REST endpoint must be reachable from the client and, for {@code StreamSolid} steps,
   * from the task managers at the same address, since they submit the steps' stream programs there.
   *
   * @throws IllegalArgumentException if {@code hostAndPort} is not {@code host:port} with a port in
   *     1..65535
   */
  public static FlinkPipelineRuntime remote(String hostAndPort) {
    return on(FlinkCluster.remote(hostAndPort));
  }

  /**
   * A copy whose mapped steps run in {@code parallelism} subtasks (at most the cluster's slots,
   * which this asks a remote cluster for).
   *
   * @throws IllegalArgumentException if {@code parallelism} is below 1 or above the cluster's slots
   */
  public FlinkPipelineRuntime withMappedParallelism(int parallelism) {
    if (parallelism < 1 || parallelism > cluster.slots()) {
      throw new IllegalArgumentException("mapped parallelism must be between 1 and the " + cluster.slots()
          + " slots of " + cluster.name() + ", was " + parallelism);
    }
    return new FlinkPipelineRuntime(cluster, parallelism);
  }

  /** The runtime's name: the cluster's ({@code flink-minicluster} for the mini-cluster). */
  @Override
  public String name() {
    return cluster.name();
  }

  /** The cluster the runs' jobs run on. */
  public FlinkCluster cluster() {
    return cluster;
  }

  /**
   * How many subtasks run the clones of a step mapped over a dynamic output: the one given to
   * {@link #withMappedParallelism(int)}, else one less than the cluster's slots (at least 1).
   *
   * @throws IllegalStateException if the cluster is remote and cannot be reached
   */
  public int mappedParallelism() {
    return mappedParallelism != DEFAULT_MAPPED_PARALLELISM ? mappedParallelism : Math.max(1, cluster.slots() - 1);
  }

  /**
   * Plans the run, checks that what the job ships serializes, and submits the job.
   *
   * @throws io.solidstream.api.config.RunConfigException if the run config is invalid (every error)
   * @throws IllegalArgumentException if the solid selection is invalid, or a re-execution's output
   *     storage cannot be shipped to the task managers
   * @throws InvalidPipelineException if a solid, hook, resource or input value does not serialize
   * @throws IllegalStateException if the job cannot be submitted to the cluster
   */
  /**
   * The output storage the task managers use, which must travel to them: one that cannot (such as
   * {@code in_memory}) refuses a re-execution, and is left out of other runs with a warning.
   */
  private static OutputStorage shippable(OutputStorage storage, RunRequest request) {
    try {
      SerializationCheck.serialize(storage);
      return storage;
    } catch (IllegalArgumentException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String problem = "output storage " + storage.describe() + " cannot be used on Flink, where the task managers"
          + " store and load the step outputs: " + root.getMessage();
      if (request.parentOutputs().isPresent()) {
        throw new IllegalArgumentException("Cannot re-execute run " + request.parentOutputs().get().parentRunId()
            + ": " + problem, e);
      }
      LOG.warn("The step outputs of this run are not stored: {}", problem);
      return null;
    }
  }

  @Override
  public RunHandle submit(PipelineDefinition pipeline, RunRequest request) {
    ExecutionPlan plan = ExecutionPlan.create(pipeline, request);
    serializability.require(plan, replacementsUsed(plan, request), "(the " + name() + " runtime ships solids, hooks,"
        + " resources and input values to its task managers; read clients from resources and data from inputs"
        + " instead of capturing them)");
    OutputStorage outputStorage = request.outputStorage().map(storage -> shippable(storage, request)).orElse(null);
    String runId = request.runId().orElseGet(() -> UUID.randomUUID().toString());
    Map<String, String> tags = new LinkedHashMap<>(pipeline.tags());
    tags.putAll(request.tags());
    Map<String, Object> replacements = replacementsUsed(plan, request);
    RunSpec run = new RunSpec(runId, tags, Progress.templateScopes(plan), plan.resources(), replacements,
        cluster instanceof Serializable ? cluster : null, cluster.name(), outputStorage,
        request.parentOutputs().orElse(null));

    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    config.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO); // events go to the client as they happen
    config.set(PipelineOptions.NAME, "pipeline '" + pipeline.name() + "' run " + runId);
    StreamExecutionEnvironment env = cluster.environment(config);
    env.setParallelism(1);
    env.disableOperatorChaining(); // every step in its own task: independent steps run at once

    // only mapped steps need the parallelism, which a remote cluster is asked for (a REST call)
    int mapped = plan.steps().stream().anyMatch(ExecutionStep::isTemplate) ? mappedParallelism() : 1;
    CloseableIterator<byte[]> messages = PipelineJob.build(env, plan, run, mapped);
    ClassLoader classLoader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(FlinkPipelineRuntime.class.getClassLoader());
    FlinkPipelineRun handle = new FlinkPipelineRun(plan, runId, name(), new RunEvents(request.listeners()),
        classLoader, tags);
    JobClient job;
    try {
      job = env.executeAsync();
    } catch (Exception e) {
      throw new IllegalStateException("could not submit the run of pipeline '" + pipeline.name() + "' to " + name()
          + ": " + e, e);
    }
    handle.follow(job, messages);
    return handle;
  }

  /** The replacement resources of the request that the run's steps, hooks or resources use. */
  private static Map<String, Object> replacementsUsed(ExecutionPlan plan, RunRequest request) {
    Set<String> used = new LinkedHashSet<>();
    for (ExecutionStep step : plan.steps()) {
      step.solid().requiredResources().forEach(key -> used.add(key.name()));
      step.hooks().forEach(hook -> hook.requiredResources().forEach(key -> used.add(key.name())));
    }
    plan.resources().values().forEach(resource ->
        resource.binding().definition().requiredResources().forEach(key -> used.add(key.name())));
    Map<String, Object> replacements = new LinkedHashMap<>();
    request.resources().forEach((name, resource) -> {
      if (used.contains(name)) {
        replacements.put(name, resource);
      }
    });
    return replacements;
  }

  /** Closes the cluster handle (the mini-cluster if this runtime's cluster handle started it). */
  @Override
  public void close() {
    cluster.close();
  }

  @Override
  public String toString() {
    return "FlinkPipelineRuntime{" + cluster + ", mappedParallelism="
        + (mappedParallelism == DEFAULT_MAPPED_PARALLELISM ? "slots - 1" : mappedParallelism) + "}";
  }
}
