package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The in-process stream runtime ({@code in-process}): interprets a {@link StreamProgram}'s logical
 * graph in this JVM with Flink's DataStream semantics, for unit tests and small jobs.
 *
 * <pre>{@code
 * StreamRuntime runtime = LocalStreamRuntime.create();
 * StreamResult result = runtime.execute(program).orThrow();
 * List<UserCount> counts = result.collected(COUNTS);
 * }</pre>
 *
 * <p>Each node kind is translated by the factory registered for its class; every node of the DSL
 * is supported. {@link #start} returns at once; one driver thread runs the sources and every
 * operator up to the first key partitioning; with {@code parallelism(n) > 1}, everything
 * downstream of a {@code keyBy} runs in {@code n} key partitions on their own threads ({@code
 * floorMod(mix(key.hashCode()), n)}), with watermarks broadcast to every partition, so per-key
 * results equal those of parallelism 1.
 *
 * <p>Where the engine had to choose, it does what Flink does:
 *
 * <ul>
 *   <li>Watermarks are generated periodically, every {@value SourceOperator#WATERMARK_INTERVAL}
 *       records of a source (Flink: every 200 ms) and when a source pauses; a scripted source
 *       emits exactly its {@code Watermark} steps. Each operator's watermark is the minimum over
 *       its non-idle inputs and only moves forward.
 *   <li>When every source of a bounded program has ended, the watermark {@link Long#MAX_VALUE}
 *       fires all remaining event-time windows and timers and the job finishes; processing-time
 *       timers and processing-time windows still pending then do not fire.
 *   <li>Records without a timestamp have the marker {@link Long#MIN_VALUE}; timestamp assigners
 *       receive it as the source timestamp of such records.
 *   <li>A scripted {@code AdvanceProcessingTime} step moves the clock only under {@link
 *       StreamOptions#manualProcessingTime()}; on the wall clock it just fires due timers.
 *   <li>An exception in user code fails the job with a {@link
 *       io.solidstream.api.solid.UserCodeException} naming the operator; unreadable input fails
 *       it with a {@link StreamSourceException} naming the file and line.
 * </ul>
 *
 * <p>Fault tolerance: the engine takes no state snapshots, so there is nothing to resume from.
 * {@link io.solidstream.api.stream.Checkpointing} only sets when part-file sinks commit (every
 * checkpoint interval of processing time, if the program checkpoints, and at the end of input); a
 * {@link io.solidstream.api.stream.RestartStrategy} re-runs a failed job from its start with fresh
 * state and fresh collect sinks (part files an earlier attempt committed stay, so an unbounded
 * program that restarts may commit records twice); the checkpoint directory is not used;
 * savepoints are refused ({@link StreamOptions#fromSavepoint} at start, {@link
 * StreamJob#stopWithSavepoint} on the job) with an {@link UnsupportedOperationException}.
 *
 * <p>Thread-safe; one runtime may run many jobs at once.
 */
public final class LocalStreamRuntime implements StreamRuntime {
  private static final String NAME = "in-process";

  private final Map<Class<? extends StreamNode>, OperatorFactory> registry;

  LocalStreamRuntime(Map<Class<? extends StreamNode>, OperatorFactory> registry) {
    this.registry = Map.copyOf(registry);
  }

  /** A runtime supporting every node kind of the stream DSL. */
  public static LocalStreamRuntime create() {
    return new LocalStreamRuntime(OperatorRegistry.defaults());
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Translates the program and starts it.
   *
   * @throws UnsupportedOperationException if a node kind has no translation, naming the node, or
   *     if the options ask to start from a savepoint
   */
  @Override
  public StreamJob start(StreamProgram program, StreamOptions options) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(options, "options");
    options.savepoint().ifPresent(savepoint -> {
      throw new UnsupportedOperationException("stream program '" + program.name() + "': the " + NAME
          + " runtime keeps no state between jobs and cannot start from savepoint " + savepoint.path()
          + "; start it without StreamOptions.fromSavepoint, or on Flink");
    });
    if (options.restartStrategy().attempts() == 0) {
      return attempt(program, options);
    }
    return new RestartingJob(program.name(), () -> attempt(program, options), options.restartStrategy());
  }

  /** Plans and starts one run of the program, from its start. */
  private LocalStreamJob attempt(StreamProgram program, StreamOptions options) {
    Map<String, List<Object>> collected = new LinkedHashMap<>();
    for (Sink.Collect<?> sink : program.collectSinks()) {
      collected.put(sink.name(), new ArrayList<>());
    }
    JobPlanner.Plan plan = JobPlanner.plan(program, options, registry, NAME, collected);
    LocalStreamJob job = new LocalStreamJob(program.name(), plan, options.checkNoMutation(), collected);
    job.start();
    return job;
  }

  @Override
  public String toString() {
    return "LocalStreamRuntime{" + NAME + "}";
  }
}
