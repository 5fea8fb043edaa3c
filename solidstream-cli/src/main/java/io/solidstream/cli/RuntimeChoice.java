package io.solidstream.cli;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.runtime.flink.pipeline.FlinkPipelineRuntime;
import io.solidstream.runtime.local.LocalRuntime;
import java.util.List;
import java.nio.file.Path;

/**
 * The runtime {@code --runtime} names: {@code local} (in-process), {@code flink-local} (a Flink
 * mini-cluster in this process) or {@code flink://HOST:PORT} (the REST endpoint of a Flink cluster).
 *
 * @param spec the option's value as given
 * @param cluster the REST endpoint of a {@code flink://} runtime, else {@code null}
 */
record RuntimeChoice(String spec, FlinkRest cluster) {
  static final String LOCAL = "local";
  static final String FLINK_LOCAL = "flink-local";
  static final String FLINK_REMOTE_PREFIX = "flink://";

  /**
   * Parses the value of {@code --runtime}.
   *
   * @throws CliException {@link ExitCode#USAGE} naming the accepted values
   */
  static RuntimeChoice parse(String spec) {
    if (spec.equals(LOCAL) || spec.equals(FLINK_LOCAL)) {
      return new RuntimeChoice(spec, null);
    }
    if (spec.startsWith(FLINK_REMOTE_PREFIX)) {
      return new RuntimeChoice(spec, FlinkRest.parse(spec.substring(FLINK_REMOTE_PREFIX.length()), "--runtime " + spec));
    }
    throw new CliException(ExitCode.USAGE, "Unknown runtime '" + spec + "' for --runtime: use " + LOCAL
        + " (in-process), " + FLINK_LOCAL + " (a Flink mini-cluster in this process) or "
        + FLINK_REMOTE_PREFIX + "HOST:PORT (a Flink cluster's REST endpoint, e.g. flink://127.0.0.1:8081)");
  }

  /**
   * Creates the runtime; the caller closes it. A remote cluster is asked for its overview first, so
   * an unreachable one fails within seconds.
   *
   * @param appPaths the application's jars, shipped to a remote cluster with every job
   * @throws CliException {@link ExitCode#UNAVAILABLE} if the cluster cannot be reached
   */
  PipelineRuntime open(List<Path> appPaths) {
    if (spec.equals(LOCAL)) {
      return LocalRuntime.create();
    }
    if (spec.equals(FLINK_LOCAL)) {
      return FlinkPipelineRuntime.miniCluster();
    }
    cluster.probe();
    return RemoteRuntimes.on(cluster.host(), cluster.port(), appPaths);
  }
}
