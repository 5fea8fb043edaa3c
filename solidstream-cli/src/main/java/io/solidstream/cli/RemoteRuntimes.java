package io.solidstream.cli;

import io.solidstream.api.run.PipelineRuntime;
import java.nio.file.Path;
import java.util.List;

/** Pipeline runtimes on a remote Flink cluster. */
final class RemoteRuntimes {
  private RemoteRuntimes() {}

  /**
   * A runtime whose runs are jobs on the Flink cluster whose REST endpoint is {@code host:port}.
   *
   * @throws CliException {@link ExitCode#UNAVAILABLE} while this build's Flink runtime cannot submit
   *     to a remote cluster
   */
  static PipelineRuntime on(String host, int port, List<Path> appPaths) {
    // FlinkCluster.remote(host, port) lands with the flink-remote branch; once merged this becomes:
    //   FlinkPipelineRuntime.on(appPaths.isEmpty() ? FlinkCluster.remote(host, port)
    //       : FlinkCluster.remote(host, port).withJars(appJars(appPaths)))
    throw new CliException(ExitCode.UNAVAILABLE, "The Flink cluster at " + host + ":" + port + " answers, but this"
        + " build's Flink runtime cannot submit pipelines to a remote cluster yet (FlinkCluster.remote);"
        + " use --runtime flink-local, or submit an application jar with: solidstream submit JAR --cluster "
        + host + ":" + port);
  }
}
