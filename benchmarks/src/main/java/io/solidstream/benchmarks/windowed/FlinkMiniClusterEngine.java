package io.solidstream.benchmarks.windowed;

import io.solidstream.runtime.flink.stream.FlinkStreamRuntime;

/**
 * The Solidstream job ({@link SolidstreamJob}, the very program {@code in-process} runs) on the
 * Flink mini-cluster runtime ({@link FlinkStreamRuntime#miniCluster()}), its windows at {@code
 * --parallelism}. Each run starts the mini-cluster (this JVM's shared one, which no other engine
 * holds) with its first job, so the time includes the cluster's start and the translation, up to
 * the final result; {@link #release()} closes the runtime, which stops the cluster, after the
 * time is taken (as {@code flink-datastream}'s cluster stops after its final result).
 */
public final class FlinkMiniClusterEngine implements Engine {
  private FlinkStreamRuntime runtime;

  @Override
  public String name() {
    return "flink-minicluster";
  }

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) {
    release();
    runtime = FlinkStreamRuntime.miniCluster();
    try {
      return SolidstreamJob.run(runtime, events, keys, parallelism);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  @Override
  public void release() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
