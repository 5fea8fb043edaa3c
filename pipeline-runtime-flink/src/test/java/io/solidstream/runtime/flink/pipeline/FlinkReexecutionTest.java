package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.ReexecutionConformance;

/**
 * Output storage and re-execution on the Flink mini-cluster: the task managers write the step
 * outputs to the filesystem storage and load the parent's from it.
 */
class FlinkReexecutionTest extends ReexecutionConformance {
  @Override
  protected PipelineRuntime runtime() {
    return FlinkPipelineTestRuntime.RUNTIME;
  }
}
