package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.JoinsConformance;
import java.util.Set;

/** The Joins conformance tests on the Flink mini-cluster. */
class MiniClusterJoinsTest extends JoinsConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
