package io.solidstream.runtime.flink;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where Flink jobs run: the runtimes of this module (stream programs, solid pipelines) build their
 * jobs in an environment this cluster gives, and the environment submits them here.
 *
 * <pre>{@code
 * FlinkCluster cluster = FlinkCluster.miniCluster();        // or FlinkCluster.remote("127.0.0.1", 8081)
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

  /**
   * A running Flink cluster (a standalone session cluster, or any cluster with a REST endpoint) at
   * {@code host:port}, its REST endpoint ({@code rest.address}, {@code rest.port}; 8081 by
   * default). Jobs are submitted over REST with the user's code: by default one jar merging every
   * jar of this JVM's class path that a Flink distribution's {@code lib/} lacks and every class path
   * directory, built once and reused until the class path changes (see {@link
   * Remote#shipClasspath()}); or exactly the jars given to {@link Remote#withJars(List)}. Nothing is
   * contacted until the first job (or {@link #slots()}).
   *
   * <pre>{@code
   * StreamRuntime runtime = FlinkStreamRuntime.on(FlinkCluster.remote("127.0.0.1", 8081));
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code host} is blank or {@code port} is not in 1..65535
   */
  static Remote remote(String host, int port) {
    return new RemoteClusterTarget(host, port, null);
  }

  /**
   * The cluster whose REST endpoint is {@code hostAndPort} ({@code "127.0.0.1:8081"}); see {@link
   * #remote(String, int)}.
   *
   * @throws IllegalArgumentException if {@code hostAndPort} is not {@code host:port} with a port in
   *     1..65535
   */
  static Remote remote(String hostAndPort) {
    return RemoteClusterTarget.parse(hostAndPort);
  }

  /**
   * A remote cluster ({@code flink-remote}): immutable, {@code with...} methods return a copy.
   * {@link #slots()} asks the cluster (REST {@code /overview}) every time; an unreachable cluster
   * fails within seconds with an {@link IllegalStateException} naming {@code host:port} and what to
   * check, instead of hanging in retries.
   */
  interface Remote extends FlinkCluster {

    /** The host of the cluster's REST endpoint. */
    String host();

    /** The port of the cluster's REST endpoint. */
    int port();

    /**
     * A copy that ships exactly {@code jars} with every job (e.g. one fat jar of the application)
     * instead of the class path.
     *
     * @throws IllegalArgumentException if a path is not a regular file
     */
    Remote withJars(List<Path> jars);

    /**
     * A copy that ships this JVM's class path with every job (the default), as one merged jar: each
     * jar a Flink distribution's {@code lib/} lacks (Flink's own jars and the libraries flink-dist
     * bundles, such as Kryo or commons-lang3, stay behind; connectors and everything else go) and
     * each directory, the JDK's jars never. The merged jar is built once per JVM for a fingerprint of
     * the class path (each jar's path, size and modification time, each directory's files and their
     * content), reused by later jobs, rebuilt when the fingerprint changes, and deleted at JVM exit.
     * The first entry of a name wins, {@code META-INF/services} files are merged, signature files
     * and {@code module-info.class} are dropped. One file per job instead of one per library is
     * what makes a submission fast: the cluster stores and fetches every shipped file per job.
     */
    Remote shipClasspath();

    /**
     * The jars the next job ships: the explicit list, or the merged jar of the class path now (built
     * if the class path changed since the last job).
     */
    List<Path> jars();
  }

  /** The runtime name of this target, used in run results and messages (e.g. {@code flink-minicluster}). */
  String name();

  /**
   * The number of task slots jobs may use: the upper bound for a job's parallelism.
   *
   * @throws IllegalStateException if the cluster is remote and cannot be reached
   */
  int slots();

  /**
   * A new environment whose jobs are submitted to this cluster, configured with {@code config}
   * (the job's execution mode, restart strategy, checkpointing...).
   *
   * @throws IllegalStateException if the cluster is remote and cannot be reached
   */
  StreamExecutionEnvironment environment(Configuration config);

  /** Releases what this handle holds (the mini-cluster if this handle started it). */
  @Override
  void close();
}
