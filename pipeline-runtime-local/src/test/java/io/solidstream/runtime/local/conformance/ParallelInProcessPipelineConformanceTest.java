package io.solidstream.runtime.local.conformance;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.PipelineConformanceSuite;
import io.solidstream.runtime.local.LocalRuntime;

/**
 * The pipeline conformance suite on the in-process runtime running up to four steps at once: the
 * same results and event sequences as sequentially, modulo parallel ordering.
 */
class ParallelInProcessPipelineConformanceTest extends PipelineConformanceSuite {
  private static final LocalRuntime RUNTIME = LocalRuntime.builder().maxConcurrent(4).build();

  @Override
  protected PipelineRuntime runtime() {
    return RUNTIME;
  }
}
