package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.OperatorsConformance;
import java.util.Set;

/** The Operators conformance tests on the Flink mini-cluster. */
class MiniClusterOperatorsTest extends OperatorsConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
