package io.solidstream.runtime.flink.pipeline;

/** The runtime every pipeline test class shares: the JVM's one mini-cluster, closed at JVM shutdown. */
final class FlinkPipelineTestRuntime {
  static final FlinkPipelineRuntime RUNTIME = FlinkPipelineRuntime.miniCluster();

  private FlinkPipelineTestRuntime() {}
}
