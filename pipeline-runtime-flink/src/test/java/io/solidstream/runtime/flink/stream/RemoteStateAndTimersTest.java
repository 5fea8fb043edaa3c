package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.StateAndTimersConformance;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The StateAndTimers conformance tests on a standalone Flink cluster (separate JobManager and TaskManager processes). */
class RemoteStateAndTimersTest extends StateAndTimersConformance {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  @Override
  protected StreamRuntime runtime() {
    return RemoteTestCluster.runtime();
  }

  @Override
  protected Set<Feature> unsupported() {
    return FlinkTestRuntime.UNSUPPORTED;
  }
}
