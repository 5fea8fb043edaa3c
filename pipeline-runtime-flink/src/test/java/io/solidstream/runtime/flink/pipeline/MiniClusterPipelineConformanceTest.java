package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.PipelineConformance.Feature;
import io.solidstream.conformance.pipeline.PipelineConformanceSuite;
import java.util.Set;

/**
 * The pipeline conformance suite on the Flink mini-cluster: every area as a nested class, all
 * sharing the JVM's one mini-cluster, so the suite starts no cluster of its own. Resources open
 * in the task of each step rather than once per run ({@link Feature#RUN_SCOPED_RESOURCES}), and
 * the task managers cannot reach an output storage in the client's memory ({@link
 * Feature#IN_MEMORY_OUTPUT_STORAGE}).
 */
class MiniClusterPipelineConformanceTest extends PipelineConformanceSuite {
  private static final FlinkPipelineRuntime RUNTIME = FlinkPipelineTestRuntime.RUNTIME;

  @Override
  protected PipelineRuntime runtime() {
    return RUNTIME;
  }

  /**
   * Resources open in the task of each step, not once per run; task managers cannot reach an
   * output storage in the client's memory.
   */
  @Override
  protected Set<Feature> unsupported() {
    return FlinkPipelineTestRuntime.UNSUPPORTED;
  }
}
