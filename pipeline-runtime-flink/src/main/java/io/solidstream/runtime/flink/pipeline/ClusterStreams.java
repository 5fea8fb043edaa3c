package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.runtime.flink.FlinkCluster;
import io.solidstream.runtime.flink.stream.FlinkStreamRuntime;

/**
 * The stream runtime of the steps of one operator ({@code ctx.streams()} of a {@code StreamSolid}):
 * a {@link FlinkStreamRuntime} on the cluster the pipeline runs on, built on the task manager from
 * the cluster's serialized description when a step first starts a program.
 */
final class ClusterStreams implements StreamRuntime {
  private final FlinkCluster cluster;
  private final String clusterName;
  private FlinkStreamRuntime runtime;

  ClusterStreams(FlinkCluster cluster, String clusterName) {
    this.cluster = cluster;
    this.clusterName = clusterName;
  }

  @Override
  public String name() {
    return clusterName;
  }

  @Override
  public synchronized StreamJob start(StreamProgram program, StreamOptions options) {
    if (cluster == null) {
      throw new UnsupportedOperationException("stream program '" + program.name() + "' cannot run on " + clusterName
          + ": its FlinkCluster is not Serializable, so task managers cannot submit jobs to it; make the FlinkCluster"
          + " implementation Serializable, or run this pipeline in-process");
    }
    if (runtime == null) {
      runtime = FlinkStreamRuntime.on(cluster);
    }
    return runtime.start(program, options);
  }

  /** Releases the cluster handle of this task (never the cluster the pipeline runs on). */
  @Override
  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
