package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamRuntime;
import io.solidstream.conformance.stream.SourcesAndSinksConformance;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SourcesAndSinks conformance tests on a standalone Flink cluster (separate JobManager and TaskManager processes). */
class RemoteSourcesAndSinksTest extends SourcesAndSinksConformance {
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
