package io.solidstream.cli;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.runtime.flink.FlinkCluster;
import io.solidstream.runtime.flink.pipeline.FlinkPipelineRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Pipeline runtimes on a remote Flink cluster. */
final class RemoteRuntimes {
  private RemoteRuntimes() {}

  /**
   * A runtime whose runs are jobs on the Flink cluster whose REST endpoint is {@code host:port};
   * every job ships the jars of this class path that a Flink distribution lacks, plus the
   * application's jars given with {@code --app}.
   *
   * @throws CliException {@link ExitCode#USAGE} if an application path is a directory (a cluster
   *     needs jars)
   */
  static PipelineRuntime on(String host, int port, List<Path> appPaths) {
    FlinkCluster.Remote cluster = FlinkCluster.remote(host, port);
    if (!appPaths.isEmpty()) {
      List<Path> jars = new ArrayList<>(cluster.jars());
      for (Path path : appPaths) {
        if (!Files.isRegularFile(path)) {
          throw new CliException(ExitCode.USAGE, "--app " + path + " is a directory; a Flink cluster needs the"
              + " application as a jar: package it (mvn package) and pass the jar");
        }
        jars.add(path.toAbsolutePath());
      }
      cluster = cluster.withJars(jars);
    }
    return FlinkPipelineRuntime.on(cluster);
  }
}
