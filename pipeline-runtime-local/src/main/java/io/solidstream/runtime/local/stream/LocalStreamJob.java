package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running in-process stream job: the driver thread runs the sources and every operator chained
 * to them; with parallelism above one, worker threads run the key-partitioned tasks. The first
 * failure stops every task; {@link #cancel()} stops them too. When the last task exits the result
 * is built from the collect sinks and the counters.
 */
final class LocalStreamJob implements StreamJob {
  /** Records (or script steps) a source emits before the driver turns to the next source. */
  private static final int SOURCE_BATCH = 64;
  /** Batches queued at a worker beyond which the driver pauses its sources (backpressure). */
  private static final int MAX_BACKLOG = 64;
  private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /**
   * How long the driver waits when its sources are paused by backpressure only: workers drain a
   * full backlog in about a millisecond, so waiting {@link #MAX_WAIT_NANOS} would idle them.
   */
  private static final long BACKPRESSURE_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private final String name;
  private final JobPlanner.Plan plan;
  private final boolean checkMutation;
  private final Map<String, List<Object>> collected;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicInteger running = new AtomicInteger();
  private final CompletableFuture<StreamResult> result = new CompletableFuture<>();
  private volatile boolean stopping;
  private volatile boolean cancelled;
  private volatile JobStatus status = JobStatus.RUNNING;

  LocalStreamJob(String name, JobPlanner.Plan plan, boolean checkMutation, Map<String, List<Object>> collected) {
    this.name = name;
    this.plan = plan;
    this.checkMutation = checkMutation;
    this.collected = collected;
  }

  /** Starts the driver and the workers. */
  void start() {
    List<Thread> threads = new ArrayList<>();
    threads.add(thread(plan.driver(), () -> runDriver(plan.driver())));
    for (Task worker : plan.workers()) {
      threads.add(thread(worker, () -> runWorker(worker)));
    }
    running.set(threads.size());
    threads.forEach(Thread::start);
  }

  private Thread thread(Task task, ThrowingRunnable body) {
    Thread thread = new Thread(() -> {
      try {
        for (StreamOperator operator : task.operators) {
          operator.open(task.context, checkMutation);
        }
        body.run();
      } catch (Throwable t) {
        fail(t);
      } finally {
        for (StreamOperator operator : task.operators) {
          try {
            operator.close();
          } catch (Exception | LinkageError e) {
            fail(e);
          }
        }
        taskDone();
      }
    }, "solidstream-" + task.name);
    thread.setDaemon(true);
    return thread;
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void runDriver(Task task) throws Exception {
    List<SourceOperator> active = new ArrayList<>(task.sources);
    TaskContext context = task.context;
    boolean idleness = active.stream().anyMatch(s -> s.idleness() > 0);
    while (!stopping) {
      boolean progress = false;
      long waitNanos = MAX_WAIT_NANOS;
      if (!active.isEmpty() && backlog(context) >= MAX_BACKLOG) {
        waitNanos = BACKPRESSURE_WAIT_NANOS;
      } else if (!active.isEmpty()) {
        for (Iterator<SourceOperator> it = active.iterator(); it.hasNext() && !stopping; ) {
          SourceOperator source = it.next();
          long wait = source.waitNanos();
          if (wait > 0) {
            source.pause();
            waitNanos = Math.min(waitNanos, wait);
            continue;
          }
          if (!source.poll(SOURCE_BATCH)) {
            it.remove();
          }
          progress = true;
        }
      }
      ExchangeOutput.Message message;
      while ((message = task.inbox.queue.poll()) != null) {
        task.dispatch(message);
        progress = true;
      }
      context.fireDueTimers();
      if (idleness) {
        long now = context.now();
        for (SourceOperator source : active) {
          source.checkIdle(now);
        }
      }
      if (active.isEmpty() && task.inboundEnded()) {
        break;
      }
      if (!progress) {
        context.flushExchanges();
        message = task.inbox.queue.poll(Math.min(waitNanos, untilNextTimer(context)), TimeUnit.NANOSECONDS);
        if (message != null) {
          task.dispatch(message);
        }
      }
    }
    context.flushExchanges();
  }

  private void runWorker(Task task) throws Exception {
    TaskContext context = task.context;
    while (!stopping && !task.inboundEnded()) {
      ExchangeOutput.Message message = task.inbox.queue.poll();
      if (message == null) {
        context.flushExchanges();
        message = task.inbox.queue.poll(Math.min(MAX_WAIT_NANOS, untilNextTimer(context)), TimeUnit.NANOSECONDS);
        if (message == null) {
          context.fireDueTimers();
          continue;
        }
      }
      task.dispatch(message);
      context.fireDueTimers();
    }
    context.flushExchanges();
  }

  private static long untilNextTimer(TaskContext context) {
    long next = context.nextTimerTime();
    if (next == Long.MAX_VALUE || context.manual()) {
      return MAX_WAIT_NANOS;
    }
    return Math.max(0, TimeUnit.MILLISECONDS.toNanos(next - context.now()));
  }

  private int backlog(TaskContext context) {
    int max = 0;
    for (Task worker : plan.workers()) {
      max = Math.max(max, worker.inbox.queue.size());
    }
    return max;
  }

  private void fail(Throwable t) {
    failure.compareAndSet(null, t);
    stopping = true;
  }

  private void taskDone() {
    if (running.decrementAndGet() == 0) {
      Throwable failed = failure.get();
      JobStatus end = failed != null ? JobStatus.FAILED : cancelled ? JobStatus.CANCELED : JobStatus.FINISHED;
      StreamResult outcome = new StreamResult(name, end, failed, snapshotCollected(), metrics());
      status = end;
      result.complete(outcome);
    }
  }

  /** The collected records; every task has ended, so every sink instance has handed its records over. */
  private Map<String, List<Object>> snapshotCollected() {
    synchronized (collected) {
      return new LinkedHashMap<>(collected);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JobStatus status() {
    return status;
  }

  @Override
  public CompletableFuture<StreamResult> completion() {
    return result;
  }

  @Override
  public void cancel() {
    if (!result.isDone()) {
      cancelled = true;
      stopping = true;
    }
  }

  @Override
  public String stopWithSavepoint(String directory) {
    return refuseSavepoint(name);
  }

  /** The in-process runtime's answer to a savepoint request. */
  static String refuseSavepoint(String job) {
    throw new UnsupportedOperationException("stream job '" + job + "': the in-process runtime takes no savepoints"
        + " (its state lives only as long as the job); stop the job with cancel(), or run it on Flink to"
        + " stop it with a savepoint and resume from it");
  }

  @Override
  public Map<String, OperatorMetrics> metrics() {
    Map<String, OperatorMetrics> metrics = new LinkedHashMap<>();
    plan.operators().forEach((operator, instances) -> {
      long in = 0;
      long out = 0;
      long late = 0;
      for (StreamOperator instance : instances) {
        OperatorMetrics m = instance.metrics();
        in += m.recordsIn();
        out += m.recordsOut();
        late += m.lateRecordsDropped();
      }
      metrics.put(operator, new OperatorMetrics(operator, in, out, late));
    });
    return metrics;
  }

  @Override
  public String toString() {
    return "stream job '" + name + "' (" + status + ")";
  }
}
