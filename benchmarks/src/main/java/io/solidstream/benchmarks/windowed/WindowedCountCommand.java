package io.solidstream.benchmarks.windowed;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code windowed-count}: runs the workload of {@code shared/bench/WORKLOAD.md} on the named
 * engines, one after the other in this process, after untimed warm-up rounds (by default 3, each
 * running every engine at N/10, alternately in the order given and in reverse; after each run,
 * untimed, the engine releases what it left running and the command waits for the JVM's threads
 * to fall back to their number before the run; an untimed {@code System.gc()} before each timed
 * run), and prints one {@code RESULT} line per engine (with
 * {@code --report-cpu} also a {@code CPU} line on stderr with the process's CPU, GC and JIT time
 * during the run). With {@code --rounds R} the timed runs are repeated R times, alternately in
 * reverse order. A checksum that differs from the workload's table is reported on stderr and makes
 * the exit code 1.
 */
@Command(
    name = "windowed-count",
    mixinStandardHelpOptions = true,
    description = "Counts events per key in 60 s tumbling event-time windows on each engine.")
public final class WindowedCountCommand implements Callable<Integer> {

  /** The engines this build knows, by name. */
  static final Map<String, Supplier<Engine>> ENGINES = engines();

  /** Known results of the workload: {@code "N/K"} to (windows, checksum). */
  static final Map<String, Workload.Outcome> EXPECTED = Map.of(
      "20000/100", new Workload.Outcome(400, 1206669280L),
      "200000/1000", new Workload.Outcome(33_798, 3098360438153L),
      "20000/10000", new Workload.Outcome(15_312, 43082707689228L),
      "5000000/10000", new Workload.Outcome(3_760_181, 10664745399137284L));

  @Option(names = "--events", description = "number of events N (default: ${DEFAULT-VALUE})")
  long events = 5_000_000;

  @Option(names = "--keys", description = "number of distinct keys K (default: ${DEFAULT-VALUE})")
  int keys = 10_000;

  @Option(names = "--engines", split = ",", description = "engines to run, comma-separated (default: ${DEFAULT-VALUE})")
  List<String> engines = List.of("plain-java", "in-process");

  @Option(names = "--parallelism", description = "parallelism of engines that support it (default: ${DEFAULT-VALUE})")
  int parallelism = 1;

  @Option(names = "--warmup-rounds", description = "untimed warm-up rounds before the timed runs; each round runs"
      + " every engine named once, alternately in the order given and in reverse (default: ${DEFAULT-VALUE})")
  int warmupRounds = 1;

  @Option(names = "--rounds", description = "timed rounds; each runs every engine named once, alternately in the"
      + " order given and in reverse, so each engine is measured first as often as last; with more than one, a line"
      + " '# round R: ENGINES' precedes each round's RESULT lines (default: ${DEFAULT-VALUE})")
  int rounds = 1;

  @Option(names = "--warmup-events", description = "events of each warm-up run (default: N/10)")
  long warmupEvents = -1;

  @Option(names = "--report-cpu", description = "also print, on stderr, the CPU and GC time of this process during"
      + " each engine's timed run (less sensitive than wall time to other processes on a shared machine)")
  boolean reportCpu;

  @Option(names = "--report-threads", paramLabel = "N", description = "also print, on stderr, the N Java thread"
      + " kinds (names with digits as #) that used the most CPU time during each engine's timed run (default: none)")
  int reportThreads;

  private final PrintStream out;
  private final PrintStream err;

  WindowedCountCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command with {@code args}; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new WindowedCountCommand(System.out, System.err)).execute(args);
  }

  private static Map<String, Supplier<Engine>> engines() {
    Map<String, Supplier<Engine>> engines = new LinkedHashMap<>();
    engines.put("plain-java", PlainJavaEngine::new);
    engines.put("in-process", InProcessEngine::new);
    engines.put("flink-minicluster", FlinkMiniClusterEngine::new);
    engines.put("flink-datastream", FlinkDataStreamEngine::new);
    return engines;
  }

  /** CPU time of this process (all threads), in ns. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /**
   * The CPU time of this JVM's Java threads (the engine's threads, Flink's task threads among
   * them; not the JIT compiler or GC threads, which Java does not list) while an engine runs: a
   * daemon thread reads every thread's CPU time every 50 ms and keeps the last value read, so a
   * thread that ends loses at most its last 50 ms.
   */
  private static final class ThreadCpu {
    private static final long PERIOD_MILLIS = 50;
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> atStart = new java.util.HashMap<>();
    private final Map<Long, Long> last = new java.util.HashMap<>();
    private final Map<Long, String> names = new java.util.HashMap<>();
    private final Thread sampler = new Thread(this::sampleUntilInterrupted, "windowed-count-thread-cpu");

    static ThreadCpu start() {
      ThreadCpu cpu = new ThreadCpu();
      cpu.read(cpu.atStart);
      cpu.sampler.setDaemon(true);
      cpu.sampler.start();
      return cpu;
    }

    private void read(Map<Long, Long> into) {
      for (long id : threads.getAllThreadIds()) {
        long nanos = threads.getThreadCpuTime(id);
        if (nanos >= 0) {
          into.put(id, nanos);
          if (!names.containsKey(id)) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            names.put(id, info == null ? "?" : info.getThreadName());
          }
        }
      }
    }

    /**
     * The CPU seconds since {@link #start()} by thread name with digits replaced by {@code #}
     * (the threads of one kind together), most first; call after {@link #stop()}.
     */
    Map<String, Double> byName() {
      Map<String, Double> sums = new java.util.HashMap<>();
      for (Map.Entry<Long, Long> thread : last.entrySet()) {
        String name = names.getOrDefault(thread.getKey(), "?").replaceAll("\\d+", "#");
        sums.merge(name, (thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L)) / 1e9, Double::sum);
      }
      Map<String, Double> sorted = new LinkedHashMap<>();
      sums.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
      return sorted;
    }

    private void sampleUntilInterrupted() {
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (last) {
          read(last);
        }
        try {
          Thread.sleep(PERIOD_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Stops sampling; returns the CPU seconds of the threads since {@link #start()}. */
    double stop() throws InterruptedException {
      sampler.interrupt();
      sampler.join();
      read(last);
      last.remove(sampler.getId()); // the measurement's own thread
      long total = 0;
      for (Map.Entry<Long, Long> thread : last.entrySet()) {
        total += thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
      }
      return total / 1e9;
    }
  }

  /** Time the JIT compilers spent so far, in ms (0 if the JVM does not tell). */
  private static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** Time spent in garbage collections so far, in ms. */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  @Override
  public Integer call() throws Exception {
    if (events <= 0 || keys <= 0 || parallelism <= 0) {
      err.println("--events, --keys and --parallelism must be positive");
      return 2;
    }
    if (warmupRounds < 0 || warmupEvents == 0 || warmupEvents < -1 || rounds <= 0) {
      err.println("--warmup-rounds must be 0 or more, --rounds positive and --warmup-events positive (or left out"
          + " for N/10)");
      return 2;
    }
    List<Engine> selected = new ArrayList<>();
    for (String name : engines) {
      Supplier<Engine> engine = ENGINES.get(name.trim());
      if (engine == null) {
        err.println("Unknown engine '" + name + "'; engines of this build: " + String.join(", ", ENGINES.keySet()));
        return 2;
      }
      selected.add(engine.get());
    }
    long warmup = warmupEvents > 0 ? warmupEvents : Math.max(1, events / 10);
    for (int round = 0; round < warmupRounds; round++) {
      for (Engine engine : inRound(selected, round)) {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        engine.run(warmup, keys, parallelism);
        settle(engine, threadsBefore);
      }
    }
    int exit = 0;
    for (int round = 0; round < rounds; round++) {
      List<Engine> order = inRound(selected, round);
      if (rounds > 1) {
        out.println("# round " + (round + 1) + ": " + String.join(",", order.stream().map(Engine::name).toList()));
      }
      exit = Math.max(exit, timed(order));
    }
    return exit;
  }

  /**
   * After a run, untimed: releases what the engine left running ({@link Engine#release()}) and
   * waits (at most {@value #SETTLE_MILLIS} ms) until this JVM has no more threads than before the
   * run: a Flink local environment stops its mini-cluster in the background after the job's
   * final result, and that work must not run during the next engine's timed run.
   */
  private static void settle(Engine engine, int threadsBefore) throws InterruptedException {
    engine.release();
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (ManagementFactory.getThreadMXBean().getThreadCount() > threadsBefore
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
  }

  private static final long SETTLE_MILLIS = 10_000;

  /** The engines in the order of round {@code round} (from 0): as given, reversed, as given, ... */
  private static List<Engine> inRound(List<Engine> engines, int round) {
    if (round % 2 == 0) {
      return engines;
    }
    List<Engine> reversed = new ArrayList<>(engines);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** One timed run of each engine, in order; returns the exit code (1 if a checksum is wrong). */
  private int timed(List<Engine> order) throws Exception {
    int exit = 0;
    Workload.Outcome expected = EXPECTED.get(events + "/" + keys);
    for (Engine engine : order) {
      // untimed: no engine pays for collecting the garbage of the runs before it (the mini-clusters
      // of the Flink engines leave hundreds of MB behind)
      System.gc();
      long cpuStart = processCpuNanos();
      long gcStart = gcMillis();
      long jitStart = jitMillis();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      ThreadCpu threadCpu = reportCpu || reportThreads > 0 ? ThreadCpu.start() : null;
      long start = System.nanoTime();
      Workload.Outcome outcome = engine.run(events, keys, parallelism);
      double seconds = (System.nanoTime() - start) / 1e9;
      double threadSeconds = threadCpu == null ? 0 : threadCpu.stop();
      out.printf(java.util.Locale.ROOT, "RESULT engine=%s events=%d keys=%d windows=%d checksum=%d seconds=%.3f events_per_s=%.0f%n",
          engine.name(), events, keys, outcome.windows(), outcome.checksum(), seconds, events / seconds);
      if (reportCpu) {
        err.printf(java.util.Locale.ROOT, "CPU engine=%s cpu_seconds=%.3f gc_seconds=%.3f jit_seconds=%.3f"
            + " threads_cpu_seconds=%.3f load_average=%.2f%n", engine.name(), (processCpuNanos() - cpuStart) / 1e9,
            (gcMillis() - gcStart) / 1e3, (jitMillis() - jitStart) / 1e3, threadSeconds,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
      if (reportThreads > 0) {
        threadCpu.byName().entrySet().stream().limit(reportThreads).forEach(thread -> err.printf(java.util.Locale.ROOT,
            "THREAD engine=%s cpu_seconds=%.3f thread=%s%n", engine.name(), thread.getValue(), thread.getKey()));
      }
      settle(engine, threadsBefore);
      if (expected != null && !expected.equals(outcome)) {
        err.println("CHECKSUM MISMATCH for engine " + engine.name() + ": expected windows=" + expected.windows()
            + " checksum=" + expected.checksum() + ", got windows=" + outcome.windows() + " checksum=" + outcome.checksum());
        exit = 1;
      }
    }
    return exit;
  }
}
