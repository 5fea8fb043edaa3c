package io.solidstream.runtime.flink.pipeline;

import io.solidstream.conformance.pipeline.PipelineConformance.Feature;
import java.util.Set;

/** The runtime every mini-cluster pipeline test class shares: the JVM's one mini-cluster, closed at JVM shutdown. */
final class FlinkPipelineTestRuntime {
  static final FlinkPipelineRuntime RUNTIME = FlinkPipelineRuntime.miniCluster();

  /**
   * What the pipeline conformance suite's Flink runners declare unsupported: resources open in the
   * task of each step, not once per run; task managers cannot reach an output storage in the
   * client's memory.
   */
  static final Set<Feature> UNSUPPORTED = Set.of(Feature.RUN_SCOPED_RESOURCES, Feature.IN_MEMORY_OUTPUT_STORAGE);

  private FlinkPipelineTestRuntime() {}
}
