package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.StateAndTimersConformance;
import java.util.Set;

/** The StateAndTimers conformance tests on the Flink mini-cluster. */
class MiniClusterStateAndTimersTest extends StateAndTimersConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
