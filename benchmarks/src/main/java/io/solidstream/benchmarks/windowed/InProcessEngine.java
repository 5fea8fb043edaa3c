package io.solidstream.benchmarks.windowed;

import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/**
 * The Solidstream job ({@link SolidstreamJob}) on the in-process runtime ({@link
 * LocalStreamRuntime}) with {@code --parallelism} key partitions. Building the program and
 * starting the job are timed.
 */
public final class InProcessEngine implements Engine {

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) {
    try (LocalStreamRuntime runtime = LocalStreamRuntime.create()) {
      return SolidstreamJob.run(runtime, events, keys, parallelism);
    }
  }
}
