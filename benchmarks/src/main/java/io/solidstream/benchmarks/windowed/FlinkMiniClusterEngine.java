package io.solidstream.benchmarks.windowed;

import io.solidstream.runtime.flink.stream.FlinkStreamRuntime;

/**
 * The Solidstream job ({@link SolidstreamJob}, the very program {@code in-process} runs) on the
 * Flink mini-cluster runtime ({@link FlinkStreamRuntime#miniCluster()}), its windows at {@code
 * --parallelism}. Each run starts the mini-cluster (this JVM's shared one, which no other engine
 * holds) with its first job and closes it with the runtime, so the time includes the cluster's
 * start and stop and the translation.
 */
public final class FlinkMiniClusterEngine implements Engine {

  @Override
  public String name() {
    return "flink-minicluster";
  }

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) {
    try (FlinkStreamRuntime runtime = FlinkStreamRuntime.miniCluster()) {
      return SolidstreamJob.run(runtime, events, keys, parallelism);
    }
  }
}
