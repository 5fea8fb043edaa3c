package io.solidstream.runtime.flink;

import io.solidstream.runtime.flink.stream.FlinkStreamRuntime;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;

/**
 * The one standalone Flink cluster (a JobManager and a TaskManager with 4 slots, separate processes)
 * that every remote test class registers: started by the first class, stopped when all tests ran.
 */
public final class RemoteTestCluster {
  /** Register with {@code @RegisterExtension static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;}. */
  public static final StandaloneFlinkCluster CLUSTER = StandaloneFlinkCluster.builder()
      .taskManagers(1)
      .slotsPerTaskManager(4)
      .reuseAcrossClasses()
      .build();

  private static FlinkStreamRuntime runtime;

  private RemoteTestCluster() {}

  /** A runtime on the cluster, shipping the test class path with every job. */
  public static synchronized FlinkStreamRuntime runtime() {
    if (runtime == null) {
      runtime = FlinkStreamRuntime.remote(CLUSTER.restAddress());
    }
    return runtime;
  }
}
