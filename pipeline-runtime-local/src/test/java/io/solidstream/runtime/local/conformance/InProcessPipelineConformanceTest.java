package io.solidstream.runtime.local.conformance;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.PipelineConformanceSuite;
import io.solidstream.runtime.local.LocalRuntime;

/**
 * The pipeline conformance suite on the sequential in-process runtime (one step at a time), with
 * the serializability check on, so that every solid of the suite is fit for a cluster.
 */
class InProcessPipelineConformanceTest extends PipelineConformanceSuite {
  private static final LocalRuntime RUNTIME = LocalRuntime.create();

  @Override
  protected PipelineRuntime runtime() {
    return RUNTIME;
  }
}
