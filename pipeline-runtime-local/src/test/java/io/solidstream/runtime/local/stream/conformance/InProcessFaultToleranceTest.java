package io.solidstream.runtime.local.stream.conformance;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.FaultToleranceConformance;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;

/** The FaultTolerance conformance tests on the in-process runtime. */
class InProcessFaultToleranceTest extends FaultToleranceConformance {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Override
  protected StreamRuntime runtime() {
    return runtime;
  }
}
