package io.solidstream.testkit.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A real Flink standalone session cluster for tests: a JobManager and TaskManagers as separate
 * {@code java} processes on 127.0.0.1, started from the Flink jars of the test class path.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StandaloneFlinkCluster CLUSTER = StandaloneFlinkCluster.builder().slotsPerTaskManager(4).build();
 *
 * @Test
 * void runsOnTheCluster() {
 *   StreamRuntime runtime = FlinkStreamRuntime.remote(CLUSTER.restAddress());
 *   ...
 * }
 * }</pre>
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li><b>Processes.</b> The JobManager ({@code StandaloneSessionClusterEntrypoint}) and each
 *       TaskManager ({@code TaskManagerRunner}) run in their own JVM, the same {@code java} as the
 *       tests, with the {@code --add-opens}/{@code --add-exports} list of Flink's distribution
 *       ({@code env.java.opts.all}) and an explicit TaskManager memory configuration. Every port is a
 *       free one bound to 127.0.0.1; the configuration ({@code config.yaml}) and logs are files in
 *       {@link #workDirectory()}.
 *   <li><b>Class path</b> of the cluster: only what a Flink distribution's {@code lib/} holds,
 *       picked from the test class path (Flink's own jars and the libraries flink-dist bundles) and
 *       an SLF4J binding; the project's classes, connectors and test libraries are not on it, so jobs
 *       must ship them, as to a real cluster.
 *   <li><b>Lifecycle.</b> Started in {@code beforeAll} (waiting, bounded by {@link
 *       Builder#startupTimeout(Duration)}, until every TaskManager's slots are registered), stopped in
 *       {@code afterAll}; with {@link Builder#reuseAcrossClasses()}, one instance in a static field
 *       that several test classes register is started once and stopped when all tests of the run are
 *       done. A JVM shutdown hook stops it in any case.
 *   <li><b>Failures.</b> When a test or a {@code @BeforeAll}/{@code @BeforeEach} method fails, and
 *       when the cluster does not start, the last {@value #TAIL_LINES} lines of the JobManager's and
 *       TaskManagers' logs are printed to standard error.
 *   <li><b>Failover tests</b> kill a TaskManager process ({@link #killTaskManager(int)}), start a
 *       new one ({@link #startTaskManager()}) and wait for the slots ({@link #awaitSlots(int)}).
 * </ul>
 *
 * <p>The cluster needs no Flink class in the test JVM itself: processes are launched with {@link
 * ProcessBuilder} and polled over REST with the JDK's HTTP client.
 */
public final class StandaloneFlinkCluster implements BeforeAllCallback, AfterAllCallback,
    TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  /** How many lines of each log are printed on failure. */
  public static final int TAIL_LINES = 60;
  /** The host every process binds to. */
  public static final String HOST = "127.0.0.1";

  static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  /** The JVM options Flink's distribution sets for Java 17 ({@code env.java.opts.all} of its config.yaml). */
  static final List<String> JAVA_17_OPTIONS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StandaloneFlinkCluster.class);

  private final int initialTaskManagers;
  private final int slotsPerTaskManager;
  private final int taskHeapMegabytes;
  private final Duration startupTimeout;
  private final boolean reuseAcrossClasses;
  private final List<Path> classpath;
  private final Path requestedWorkDirectory;
  private final int requestedRestPort;
  private final boolean stopAtJvmExit;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> taskManagers = new ArrayList<>();
  private Process jobManager;
  private Path workDirectory;
  private boolean ownsWorkDirectory;
  private int restPort;
  private Thread shutdownHook;

  private StandaloneFlinkCluster(Builder b) {
    this.initialTaskManagers = b.taskManagers;
    this.slotsPerTaskManager = b.slotsPerTaskManager;
    this.taskHeapMegabytes = b.taskHeapMegabytes;
    this.startupTimeout = b.startupTimeout;
    this.reuseAcrossClasses = b.reuseAcrossClasses;
    this.classpath = b.classpath;
    this.requestedWorkDirectory = b.workDirectory;
    this.requestedRestPort = b.restPort;
    this.stopAtJvmExit = b.stopAtJvmExit;
  }

  /** A builder: 1 TaskManager with 4 slots and 384 MB of task heap, 120 s to start. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link StandaloneFlinkCluster}. */
  public static final class Builder {
    private int taskManagers = 1;
    private int slotsPerTaskManager = 4;
    private int taskHeapMegabytes = 384;
    private Duration startupTimeout = Duration.ofSeconds(120);
    private boolean reuseAcrossClasses;
    private List<Path> classpath;
    private Path workDirectory;
    private int restPort;
    private boolean stopAtJvmExit = true;

    private Builder() {}

    /** How many TaskManager processes start with the cluster (1 by default). */
    public Builder taskManagers(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("taskManagers must be >= 0, was " + count);
      }
      this.taskManagers = count;
      return this;
    }

    /** Task slots per TaskManager ({@code taskmanager.numberOfTaskSlots}, 4 by default). */
    public Builder slotsPerTaskManager(int slots) {
      if (slots < 1) {
        throw new IllegalArgumentException("slotsPerTaskManager must be >= 1, was " + slots);
      }
      this.slotsPerTaskManager = slots;
      return this;
    }

    /** The task heap of each TaskManager in MB ({@code taskmanager.memory.task.heap.size}, 384 by default). */
    public Builder taskHeapMegabytes(int megabytes) {
      if (megabytes < 64) {
        throw new IllegalArgumentException("taskHeapMegabytes must be >= 64, was " + megabytes);
      }
      this.taskHeapMegabytes = megabytes;
      return this;
    }

    /** How long starting may take until every slot is registered (120 s by default). */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts the cluster once for every test class that registers this instance, and stops it when
     * the whole test run is done (instead of after each class).
     */
    public Builder reuseAcrossClasses() {
      this.reuseAcrossClasses = true;
      return this;
    }

    /**
     * The cluster's class path instead of the Flink jars picked from the test class path (e.g. the
     * jars of a Flink distribution's {@code lib/}).
     */
    public Builder classpath(List<Path> jars) {
      this.classpath = List.copyOf(jars);
      return this;
    }

    /**
     * Where the configuration, logs and temporary files go (kept after stop). By default a new
     * directory under {@code target/} if the working directory has one (kept), else under the
     * system temporary directory (deleted at stop).
     */
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** A fixed REST port (e.g. 8081) instead of a free one. */
    public Builder restPort(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("restPort must be in 1..65535, was " + port);
      }
      this.restPort = port;
      return this;
    }

    /** Leaves the processes running when this JVM exits (for a cluster started by a script). */
    Builder keepRunningAfterJvmExit() {
      this.stopAtJvmExit = false;
      return this;
    }

    /** The cluster, not started yet. */
    public StandaloneFlinkCluster build() {
      return new StandaloneFlinkCluster(this);
    }
  }

  // ---------------------------------------------------------------- JUnit callbacks

  @Override
  public void beforeAll(ExtensionContext context) {
    if (reuseAcrossClasses) {
      context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> {
        start();
        return new Stopper(this);
      }, Stopper.class);
    } else {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!reuseAcrossClasses) {
      stop();
    }
  }

  /** Stops a reused cluster when JUnit closes the root store at the end of the test run. */
  private record Stopper(StandaloneFlinkCluster cluster) implements AutoCloseable {
    @Override
    public void close() {
      cluster.stop();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    printLogTails("test '" + context.getDisplayName() + "' failed");
    throw throwable;
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    printLogTails("@BeforeAll of " + context.getDisplayName() + " failed");
    throw throwable;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    printLogTails("@BeforeEach of " + context.getDisplayName() + " failed");
    throw throwable;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the JobManager and the TaskManagers, and waits until all their slots are registered;
   * does nothing if the cluster runs.
   *
   * @throws IllegalStateException if the test class path has no Flink runtime, a process exits, or
   *     the slots are not registered within the startup timeout; the message ends with the logs' tails
   */
  public synchronized void start() {
    if (jobManager != null) {
      return;
    }
    List<Path> jars = classpath != null ? classpath : ClusterClasspath.select(System.getProperty("java.class.path", ""));
    if (!ClusterClasspath.hasFlinkRuntime(jars)) {
      throw new IllegalStateException("no org.apache.flink:flink-runtime jar on the test class path to start a"
          + " standalone Flink cluster from; add pipeline-runtime-flink (or flink-runtime) as a test dependency, or"
          + " give the cluster's jars with StandaloneFlinkCluster.builder().classpath(...)");
    }
    try {
      workDirectory = createWorkDirectory();
      Files.createDirectories(workDirectory.resolve("log"));
      Files.createDirectories(workDirectory.resolve("tmp"));
      restPort = requestedRestPort > 0 ? requestedRestPort : freePort();
      writeConfig(jars);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the standalone Flink cluster in " + workDirectory, e);
    }
    if (stopAtJvmExit) {
      shutdownHook = new Thread(this::stopProcesses, "standalone-flink-cluster-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    jobManager = launch(JOB_MANAGER_MAIN, "jobmanager", jars);
    for (int i = 0; i < initialTaskManagers; i++) {
      taskManagers.add(launch(TASK_MANAGER_MAIN, "taskmanager-" + i, jars));
    }
    try {
      awaitSlots(initialTaskManagers * slotsPerTaskManager, startupTimeout);
    } catch (RuntimeException e) {
      String tails = logTails(TAIL_LINES);
      stop();
      throw new IllegalStateException("the standalone Flink cluster did not start: " + e.getMessage() + "\n" + tails, e);
    }
  }

  /** Stops every process (the TaskManagers first) and deletes a temporary work directory. */
  public synchronized void stop() {
    if (jobManager == null) {
      return;
    }
    stopProcesses();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already: the hook runs anyway
      }
      shutdownHook = null;
    }
    if (ownsWorkDirectory) {
      deleteRecursively(workDirectory);
    }
    jobManager = null;
    taskManagers.clear();
  }

  private synchronized void stopProcesses() {
    List<Process> all = new ArrayList<>(taskManagers);
    if (jobManager != null) {
      all.add(jobManager);
    }
    for (Process p : all) {
      p.destroy();
    }
    for (Process p : all) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the cluster was started and not stopped. */
  public synchronized boolean isRunning() {
    return jobManager != null;
  }

  // ---------------------------------------------------------------- addresses

  /** The host every process binds to: {@value #HOST}. */
  public String host() {
    return HOST;
  }

  /** The port of the JobManager's REST endpoint. */
  public synchronized int restPort() {
    requireRunning();
    return restPort;
  }

  /** {@code host:port} of the REST endpoint, e.g. for {@code FlinkStreamRuntime.remote(...)}. */
  public String restAddress() {
    return HOST + ":" + restPort();
  }

  /** The directory of the configuration ({@code conf/config.yaml}), logs ({@code log/}) and temporary files. */
  public synchronized Path workDirectory() {
    requireRunning();
    return workDirectory;
  }

  /** Task slots per TaskManager. */
  public int slotsPerTaskManager() {
    return slotsPerTaskManager;
  }

  // ---------------------------------------------------------------- TaskManagers

  /** The number of TaskManager processes started so far, including killed ones (indexes 0..n-1). */
  public synchronized int taskManagerCount() {
    return taskManagers.size();
  }

  /** Whether TaskManager {@code index} is alive. */
  public synchronized boolean isTaskManagerAlive(int index) {
    return taskManager(index).isAlive();
  }

  /** The process id of TaskManager {@code index}. */
  public synchronized long taskManagerPid(int index) {
    return taskManager(index).pid();
  }

  /**
   * Kills TaskManager {@code index} at once ({@code destroyForcibly}, like a crash: no clean shutdown)
   * and waits until the process is gone. The JobManager notices it by its heartbeat (at most 10 s).
   */
  public synchronized void killTaskManager(int index) {
    Process process = taskManager(index);
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      throw new IllegalStateException("TaskManager " + index + " (pid " + process.pid() + ") is still alive 30 s after"
          + " it was killed");
    }
  }

  /**
   * Starts a new TaskManager process and returns its index; it registers its slots with the JobManager
   * in a few seconds (see {@link #awaitSlots(int)}).
   */
  public synchronized int startTaskManager() {
    requireRunning();
    List<Path> jars = classpath != null ? classpath : ClusterClasspath.select(System.getProperty("java.class.path", ""));
    int index = taskManagers.size();
    taskManagers.add(launch(TASK_MANAGER_MAIN, "taskmanager-" + index, jars));
    return index;
  }

  /**
   * Waits until the JobManager reports exactly {@code slots} registered task slots (REST {@code
   * /overview}), at most the startup timeout: e.g. after killing one of two TaskManagers, until its
   * slots are gone; after starting one, until its slots are there.
   *
   * @throws IllegalStateException if the JobManager exits or the timeout passes, naming the slots seen
   */
  public void awaitSlots(int slots) {
    awaitSlots(slots, startupTimeout);
  }

  /** {@link #awaitSlots(int)} with its own timeout. */
  public void awaitSlots(int slots, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (true) {
      Process jm;
      synchronized (this) {
        requireRunning();
        jm = jobManager;
      }
      if (!jm.isAlive()) {
        throw new IllegalStateException("the JobManager exited with code " + jm.exitValue() + " (see "
            + log("jobmanager") + ")");
      }
      try {
        JsonNode overview = overview();
        int total = overview.path("slots-total").asInt(-1);
        last = total + " slots of " + overview.path("taskmanagers").asInt(-1) + " TaskManagers";
        if (total == slots) {
          return;
        }
      } catch (IOException e) {
        last = "REST endpoint not answering (" + e + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + slots + " slots", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster at " + HOST + ":" + restPort + " did not report " + slots
            + " task slots within " + timeout.toSeconds() + " s; last seen: " + last);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + slots + " slots", e);
      }
    }
  }

  // ---------------------------------------------------------------- logs

  /** The log file of every process started so far: {@code jobmanager}, {@code taskmanager-0}, ... */
  public synchronized Map<String, Path> logs() {
    requireRunning();
    Map<String, Path> logs = new LinkedHashMap<>();
    logs.put("jobmanager", log("jobmanager"));
    for (int i = 0; i < taskManagers.size(); i++) {
      logs.put("taskmanager-" + i, log("taskmanager-" + i));
    }
    return logs;
  }

  /** The last {@code lines} lines of every log, each under a header naming the process and file. */
  public synchronized String logTails(int lines) {
    if (jobManager == null) {
      return "(the standalone Flink cluster is not running)";
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Path> log : logs().entrySet()) {
      out.append("==== last ").append(lines).append(" lines of ").append(log.getKey()).append(" (")
          .append(log.getValue()).append(") ====\n");
      for (String line : tail(log.getValue(), lines)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private void printLogTails(String why) {
    System.err.println("Standalone Flink cluster: " + why + "; its logs end with:\n" + logTails(TAIL_LINES));
  }

  private static List<String> tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(could not read " + file + ": " + e + ")");
    }
  }

  // ---------------------------------------------------------------- internals

  private Process taskManager(int index) {
    requireRunning();
    if (index < 0 || index >= taskManagers.size()) {
      throw new IllegalArgumentException("no TaskManager " + index + "; started so far: 0.." + (taskManagers.size() - 1));
    }
    return taskManagers.get(index);
  }

  private void requireRunning() {
    if (jobManager == null) {
      throw new IllegalStateException("the standalone Flink cluster is not running; register it with"
          + " @RegisterExtension on a static field, or call start()");
    }
  }

  private Path log(String process) {
    return workDirectory.resolve("log").resolve(process + ".log");
  }

  private Path createWorkDirectory() throws IOException {
    if (requestedWorkDirectory != null) {
      ownsWorkDirectory = false;
      return Files.createDirectories(requestedWorkDirectory).toAbsolutePath();
    }
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      ownsWorkDirectory = false;
      return Files.createTempDirectory(target, "flink-standalone-").toAbsolutePath();
    }
    ownsWorkDirectory = true;
    return Files.createTempDirectory("flink-standalone-").toAbsolutePath();
  }

  private void writeConfig(List<Path> jars) throws IOException {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("jobmanager.rpc.address", HOST);
    config.put("jobmanager.rpc.port", Integer.toString(freePort()));
    config.put("jobmanager.bind-host", HOST);
    config.put("jobmanager.memory.process.size", "1024m");
    config.put("taskmanager.host", HOST);
    config.put("taskmanager.bind-host", HOST);
    config.put("taskmanager.numberOfTaskSlots", Integer.toString(slotsPerTaskManager));
    config.put("taskmanager.cpu.cores", Integer.toString(slotsPerTaskManager));
    // the full memory configuration that Flink's BashJavaUtils would otherwise derive; see jvmMemoryOptions()
    config.put("taskmanager.memory.framework.heap.size", "128m");
    config.put("taskmanager.memory.task.heap.size", taskHeapMegabytes + "m");
    config.put("taskmanager.memory.managed.size", "128m");
    config.put("taskmanager.memory.framework.off-heap.size", "128m");
    config.put("taskmanager.memory.task.off-heap.size", "0m");
    config.put("taskmanager.memory.network.min", "64m");
    config.put("taskmanager.memory.network.max", "64m");
    config.put("taskmanager.memory.jvm-metaspace.size", "512m");
    config.put("taskmanager.memory.jvm-overhead.min", "128m");
    config.put("taskmanager.memory.jvm-overhead.max", "128m");
    config.put("rest.address", HOST);
    config.put("rest.bind-address", HOST);
    config.put("rest.port", Integer.toString(restPort));
    config.put("parallelism.default", "1");
    // accumulators (live counters) travel with heartbeats; a killed TaskManager is noticed within 10 s
    config.put("heartbeat.interval", "1000");
    config.put("heartbeat.timeout", "10000");
    config.put("io.tmp.dirs", workDirectory.resolve("tmp").toString());
    config.put("env.java.opts.all", String.join(" ", JAVA_17_OPTIONS));
    StringBuilder yaml = new StringBuilder("# generated by " + StandaloneFlinkCluster.class.getName() + "\n");
    config.forEach((key, value) -> yaml.append(key).append(": ").append(quote(value)).append('\n'));
    Path conf = Files.createDirectories(workDirectory.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), yaml.toString());
    if (!ClusterClasspath.usesSlf4jSimple(jars)) {
      Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.console.ref = console",
          "appender.console.name = console",
          "appender.console.type = Console",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n", ""));
    }
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** The JVM's heap, direct memory and metaspace limits for the memory configuration written above. */
  private List<String> jvmMemoryOptions(boolean taskManager) {
    if (!taskManager) {
      return List.of("-Xmx512m", "-Xms128m");
    }
    int heap = 128 + taskHeapMegabytes;
    return List.of("-Xmx" + heap + "m", "-Xms" + heap + "m", "-XX:MaxDirectMemorySize=" + (128 + 64) + "m",
        "-XX:MaxMetaspaceSize=512m");
  }

  private Process launch(String mainClass, String name, List<Path> jars) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_17_OPTIONS);
    command.addAll(jvmMemoryOptions(mainClass.equals(TASK_MANAGER_MAIN)));
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.io.tmpdir=" + workDirectory.resolve("tmp"));
    if (ClusterClasspath.usesSlf4jSimple(jars)) {
      command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
      command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    } else {
      command.add("-Dlog4j.configurationFile=" + workDirectory.resolve("conf").resolve("log4j2.properties").toUri());
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()));
    command.add(mainClass);
    command.add("--configDir");
    command.add(workDirectory.resolve("conf").toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log(name).toFile());
    try {
      Process process = builder.start();
      Files.writeString(workDirectory.resolve(name + ".pid"), process.pid() + "\n");
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the " + name + " process (" + command.get(0) + ")", e);
    }
  }

  private JsonNode overview() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + restPort + "/overview"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from /overview");
    }
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind: nothing else to do
    }
  }

  @Override
  public synchronized String toString() {
    return "StandaloneFlinkCluster{" + (jobManager == null ? "not running" : HOST + ":" + restPort + ", "
        + taskManagers.size() + " TaskManagers x " + slotsPerTaskManager + " slots, " + workDirectory) + "}";
  }
}
