package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.SourcesAndSinksConformance;
import java.util.Set;

/** The SourcesAndSinks conformance tests on the Flink mini-cluster. */
class MiniClusterSourcesAndSinksTest extends SourcesAndSinksConformance {

  @Override
  protected StreamRuntime runtime() {
    return FlinkTestRuntime.RUNTIME;
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
