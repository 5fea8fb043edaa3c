package io.solidstream.runtime.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * The one Flink mini-cluster of this JVM: started by the first job of any {@link
 * FlinkCluster#miniCluster()} handle, reused by later jobs, closed by {@code close()} of the
 * runtime that started it or at JVM shutdown. One per JVM on purpose: a mini-cluster costs a
 * second or more to start and a few threads per slot, and tests create many runtimes.
 */
final class SharedMiniCluster {
  private static MiniCluster cluster;
  private static Path checkpoints;
  private static Object owner;
  private static boolean hookInstalled;

  private SharedMiniCluster() {}

  /**
   * The running cluster, started now (owned by {@code requester}) if none runs. A running cluster
   * whose task manager was shut down gets a new one first: Flink 2.2 shuts a task manager down when
   * a collect sink is closed before it opened (a job failing or cancelled while it deploys,
   * FLINK-39330), and without it every later job would wait for slots forever.
   */
  static synchronized MiniCluster acquire(Object requester, int slots) {
    if (cluster != null) {
      replaceLostTaskManager();
    }
    if (cluster == null) {
      Configuration config = new Configuration();
      config.set(RestOptions.BIND_PORT, "0");
      config.set(RestOptions.PORT, 0);
      // accumulators (our counters) reach the job master with heartbeats: every 500 ms, not 10 s
      config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(500));
      // like a real cluster's state.checkpoints.dir: jobs without their own checkpoint directory use it
      try {
        checkpoints = Files.createTempDirectory("solidstream-checkpoints-");
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the mini-cluster's checkpoint directory: " + e, e);
      }
      config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
      MiniClusterConfiguration mcc = new MiniClusterConfiguration.Builder()
          .setConfiguration(config)
          .setNumTaskManagers(1)
          .setNumSlotsPerTaskManager(slots)
          .build();
      MiniCluster started = new MiniCluster(mcc);
      try {
        started.start();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the Flink mini-cluster: " + e, e);
      }
      cluster = started;
      owner = requester;
      if (!hookInstalled) {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedMiniCluster::close, "flink-minicluster-shutdown"));
        hookInstalled = true;
      }
    }
    return cluster;
  }

  private static void replaceLostTaskManager() {
    try {
      if (cluster.requestClusterOverview().get(10, TimeUnit.SECONDS).getNumTaskManagersConnected() == 0) {
        cluster.startTaskManager();
      }
    } catch (Exception e) {
      // the cluster cannot tell or start one: the job's own failure will say more
    }
  }

  /** Deletes the default checkpoint directory (jobs have ended; retained checkpoints go with it). */
  private static void deleteCheckpoints() {
    if (checkpoints == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(checkpoints)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory: what cannot be deleted now stays for the OS to clean
    }
    checkpoints = null;
  }

  /** Closes the cluster if {@code requester} started it. */
  static synchronized void release(Object requester) {
    if (cluster != null && owner == requester) {
      close();
    }
  }

  private static synchronized void close() {
    if (cluster != null) {
      try {
        cluster.closeAsync().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // shutting down: nothing left to do with a cluster that does not close
      } finally {
        cluster = null;
        owner = null;
        deleteCheckpoints();
      }
    }
  }
}
