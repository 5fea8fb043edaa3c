package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.WindowsConformance;
import java.util.Set;

/** The Windows conformance tests on the Flink mini-cluster. */
class MiniClusterWindowsTest extends WindowsConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
