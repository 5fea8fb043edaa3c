package io.solidstream.runtime.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where Flink jobs run: the runtimes of this module (stream programs, solid pipelines) build their
 * jobs in an environment this cluster gives, and the environment submits them here.
 *
 * <pre>{@code
 * FlinkCluster cluster = FlinkCluster.miniCluster();
 * StreamRuntime runtime = FlinkStreamRuntime.on(cluster);
 * }</pre>
 *
 * <p>Implementations are thread-safe; {@link #environment(Configuration)} may be called for every
 * job.
 */
public interface FlinkCluster extends AutoCloseable {

  /**
   * This JVM's shared mini-cluster ({@value MiniClusterTarget#NAME}, {@value
   * MiniClusterTarget#DEFAULT_SLOTS} slots): started by the first job of any handle, reused by
   * later jobs, closed by {@link #close()} of the handle that started it, or at JVM shutdown.
   */
  static FlinkCluster miniCluster() {
    return new MiniClusterTarget(MiniClusterTarget.DEFAULT_SLOTS);
  }

  /** The runtime name of this target, used in run results and messages (e.g. {@code flink-minicluster}). */
  String name();

  /** The number of task slots jobs may use: the upper bound for a job's parallelism. */
  int slots();

  /**
   * A new environment whose jobs are submitted to this cluster, configured with {@code config}
   * (the job's execution mode, restart strategy, checkpointing...).
   */
  StreamExecutionEnvironment environment(Configuration config);

  /** Releases what this handle holds (the mini-cluster if this handle started it). */
  @Override
  void close();
}
