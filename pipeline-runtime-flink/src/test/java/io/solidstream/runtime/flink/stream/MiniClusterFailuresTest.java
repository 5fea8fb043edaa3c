package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.FailuresConformance;
import java.util.Set;

/** The Failures conformance tests on the Flink mini-cluster. */
class MiniClusterFailuresTest extends FailuresConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
