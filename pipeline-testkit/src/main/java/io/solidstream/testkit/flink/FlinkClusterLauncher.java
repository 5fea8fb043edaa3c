package io.solidstream.testkit.flink;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts a {@link StandaloneFlinkCluster} that keeps running after this program exits, for trying
 * jobs by hand ({@code scripts/flink-cluster.sh start} runs it). Its processes write their pid files
 * ({@code jobmanager.pid}, {@code taskmanager-0.pid}...), configuration and logs into the given
 * directory; stop them by their pids.
 *
 * <pre>{@code
 * java -cp <Flink jars and pipeline-testkit> io.solidstream.testkit.flink.FlinkClusterLauncher \
 *     --dir target/flink-cluster --rest-port 8081 --task-managers 1 --slots 4
 * }</pre>
 *
 * <p>Exit code 0 once every slot is registered (the REST address is printed), 1 if the cluster did
 * not start (the logs' tails are printed), 2 for bad arguments.
 */
public final class FlinkClusterLauncher {
  private static final List<String> OPTIONS = List.of("--dir", "--rest-port", "--task-managers", "--slots");
  private static final String USAGE = "usage: FlinkClusterLauncher --dir DIR [--rest-port 8081] [--task-managers 1]"
      + " [--slots 4]";

  private FlinkClusterLauncher() {}

  /** Starts the cluster, prints its REST address and exits, leaving it running. */
  public static void main(String[] args) {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
        System.err.println("unknown option or missing value: " + args[i] + "\n" + USAGE);
        System.exit(2);
      }
      options.put(args[i], args[i + 1]);
    }
    if (!options.containsKey("--dir")) {
      System.err.println("--dir is required\n" + USAGE);
      System.exit(2);
    }
    StandaloneFlinkCluster cluster;
    try {
      cluster = StandaloneFlinkCluster.builder()
          .workDirectory(Path.of(options.get("--dir")))
          .restPort(Integer.parseInt(options.getOrDefault("--rest-port", "8081")))
          .taskManagers(Integer.parseInt(options.getOrDefault("--task-managers", "1")))
          .slotsPerTaskManager(Integer.parseInt(options.getOrDefault("--slots", "4")))
          .keepRunningAfterJvmExit()
          .build();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    try {
      cluster.start();
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
    System.out.println("Flink standalone cluster running: REST endpoint http://" + cluster.restAddress() + " ("
        + cluster.taskManagerCount() + " TaskManager(s) x " + cluster.slotsPerTaskManager() + " slots)");
    System.out.println("Run on it with FlinkStreamRuntime.remote(\"" + cluster.restAddress() + "\")");
    System.out.println("Logs, configuration and pid files: " + cluster.workDirectory());
    System.exit(0);
  }
}
