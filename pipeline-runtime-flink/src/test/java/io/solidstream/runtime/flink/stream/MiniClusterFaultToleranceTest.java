package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.FaultToleranceConformance;
import java.util.Set;

/** The FaultTolerance conformance tests on the Flink mini-cluster. */
class MiniClusterFaultToleranceTest extends FaultToleranceConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
