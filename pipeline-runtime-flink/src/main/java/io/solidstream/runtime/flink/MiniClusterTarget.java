package io.solidstream.runtime.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A handle on this JVM's {@link SharedMiniCluster}. Serializable: the steps of a pipeline run on
 * the mini-cluster (whose task managers run in this JVM) submit the stream programs of {@code
 * StreamSolid} steps to the same cluster through a copy, which never closes it.
 */
final class MiniClusterTarget implements FlinkCluster, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  static final String NAME = "flink-minicluster";
  static final int DEFAULT_SLOTS = 4;

  private final int slots;

  MiniClusterTarget(int slots) {
    this.slots = slots;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int slots() {
    return slots;
  }

  @Override
  public StreamExecutionEnvironment environment(Configuration config) {
    Configuration copy = new Configuration(config);
    copy.set(DeploymentOptions.TARGET, MiniClusterExecutors.NAME);
    return new StreamExecutionEnvironment(new MiniClusterExecutors(() -> SharedMiniCluster.acquire(this, slots)), copy,
        MiniClusterTarget.class.getClassLoader());
  }

  @Override
  public void close() {
    SharedMiniCluster.release(this);
  }

  @Override
  public String toString() {
    return "FlinkCluster{" + NAME + ", " + slots + " slots}";
  }
}
