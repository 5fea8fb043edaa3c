package io.solidstream.runtime.flink.stream;

import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.runtime.flink.internal.JobEnd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.client.program.ProgramInvocationException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.SerializedThrowable;

/**
 * A job on a Flink cluster: one thread per collect sink drains its records while the job runs
 * (so no sink waits on another), and a watcher thread builds the {@link StreamResult} when the
 * job ends.
 */
final class FlinkStreamJob implements StreamJob {
  private static final long DRAIN_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_CAUSES = 100;
  private static final int MAX_ALIAS_DEPTH = 100;

  private final String name;
  private final JobClient client;
  private final List<String> operators;
  private final Map<String, List<Object>> collected = new LinkedHashMap<>();
  private final List<Thread> drainers = new ArrayList<>();
  private final List<CloseableIterator<Object>> iterators = new ArrayList<>();
  private final CompletableFuture<StreamResult> result = new CompletableFuture<>();
  private volatile boolean cancelRequested;
  private volatile boolean stopRequested;
  private volatile Map<String, OperatorMetrics> lastMetrics = Map.of();
  /** Counters read from other accumulators (no operator of the job counts them itself). */
  private final Map<String, List<String>> aliases;

  FlinkStreamJob(String name, JobClient client, Map<String, CloseableIterator<Object>> collectors,
      List<String> operators, Map<String, List<String>> aliases) {
    this.name = name;
    this.client = client;
    this.operators = List.copyOf(operators);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    aliases.forEach((counter, sources) -> copy.put(counter, List.copyOf(sources)));
    this.aliases = Collections.unmodifiableMap(copy);
    collectors.forEach((sink, iterator) -> {
      List<Object> records = Collections.synchronizedList(new ArrayList<>());
      collected.put(sink, records);
      iterators.add(iterator);
      Thread drainer = new Thread(() -> drain(iterator, records), "flink-collect-" + name + "-" + sink);
      drainer.setDaemon(true);
      drainers.add(drainer);
      drainer.start();
    });
    Thread watcher = new Thread(this::watch, "flink-job-" + name);
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void drain(CloseableIterator<Object> iterator, List<Object> records) {
    try {
      while (iterator.hasNext()) {
        records.add(iterator.next());
      }
    } catch (RuntimeException e) {
      // the job failed or was cancelled: the watcher reports it
    }
  }

  /** Waits for the end of the job (its collect drainers first, see {@link JobEnd}), then builds the result. */
  private void watch() {
    try {
      JobEnd.awaitDrainers(client, drainers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JobExecutionResult executed = null;
    Throwable failure = null;
    try {
      executed = client.getJobExecutionResult().get();
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (Exception e) {
      failure = e;
    }
    joinDrainers();
    Map<String, List<Object>> records = new LinkedHashMap<>();
    collected.forEach((sink, list) -> {
      synchronized (list) {
        records.put(sink, new ArrayList<>(list));
      }
    });
    if (failure == null) {
      result.complete(new StreamResult(name, stopRequested ? JobStatus.CANCELED : JobStatus.FINISHED, null, records,
          metrics(executed.getAllAccumulatorResults())));
    } else if (cancelRequested) {
      result.complete(new StreamResult(name, JobStatus.CANCELED, null, records, lastMetrics));
    } else {
      result.complete(new StreamResult(name, JobStatus.FAILED, unwrap(failure), records, lastMetrics));
    }
  }

  private void joinDrainers() {
    long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
    for (Thread drainer : drainers) {
      try {
        drainer.join(Math.max(1, deadline - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (CloseableIterator<Object> iterator : iterators) {
      try {
        iterator.close();
      } catch (Exception e) {
        // closing a finished iterator: nothing to report
      }
    }
  }

  /**
   * The failure to report: the {@link UserCodeException} naming the failing operator if user code
   * failed (Flink wraps it in JobExecutionException and others), else the root failure. A {@link
   * SerializedThrowable} in the chain (a failure a cluster sent without deserializing it) is
   * deserialized with this runtime's class loader, which has the user's exception classes.
   */
  static Throwable unwrap(Throwable failure) {
    int depth = 0;
    for (Throwable t = deserialized(failure); t != null && depth++ < MAX_CAUSES; t = cause(t)) {
      if (t instanceof UserCodeException) {
        return t;
      }
    }
    Throwable t = deserialized(failure);
    while ((t instanceof JobExecutionException || t instanceof CompletionException || t instanceof ExecutionException
        || t instanceof ProgramInvocationException) && cause(t) != null && depth-- > 0) {
      t = cause(t);
    }
    return t;
  }

  private static Throwable cause(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : deserialized(cause);
  }

  private static Throwable deserialized(Throwable t) {
    return t instanceof SerializedThrowable serialized
        ? serialized.deserializeError(FlinkStreamJob.class.getClassLoader())
        : t;
  }

  private Map<String, OperatorMetrics> metrics(Map<String, Object> accumulators) {
    Map<String, OperatorMetrics> metrics = new LinkedHashMap<>();
    for (String operator : operators) {
      Long in = counter(accumulators, operator + Functions.IN, 0);
      Long out = counter(accumulators, operator + Functions.OUT, 0);
      Long late = counter(accumulators, operator + Functions.LATE, 0);
      if (in != null || out != null) {
        metrics.put(operator, new OperatorMetrics(operator, in == null ? 0 : in, out == null ? 0 : out,
            late == null ? 0 : late));
      }
    }
    return metrics;
  }

  /**
   * The value of counter {@code name}: its accumulator plus the accumulators it reads (an alias
   * of an alias is followed); null if none of them exists yet.
   */
  private Long counter(Map<String, Object> accumulators, String name, int depth) {
    Object own = accumulators.get(name);
    Long total = own == null ? null : asLong(own);
    if (depth < MAX_ALIAS_DEPTH) {
      for (String source : aliases.getOrDefault(name, List.of())) {
        Long value = counter(accumulators, source, depth + 1);
        if (value != null) {
          total = (total == null ? 0 : total) + value;
        }
      }
    }
    return total;
  }

  private static long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JobStatus status() {
    StreamResult done = result.getNow(null);
    return done == null ? JobStatus.RUNNING : done.status();
  }

  @Override
  public CompletableFuture<StreamResult> completion() {
    return result;
  }

  @Override
  public void cancel() {
    if (!result.isDone()) {
      cancelRequested = true;
      client.cancel();
    }
  }

  /** Flink's stop-with-savepoint (no drain: windows and timers stay in the savepoint, not fired). */
  @Override
  public String stopWithSavepoint(String directory) {
    Objects.requireNonNull(directory, "directory");
    StreamResult done = result.getNow(null);
    if (done != null) {
      throw new IllegalStateException("stream job '" + name + "' already ended " + done.status()
          + "; a savepoint can only be taken of a running job");
    }
    stopRequested = true;
    try {
      return client.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while stopping stream job '" + name + "' with a savepoint");
    } catch (ExecutionException e) {
      stopRequested = false;
      Throwable cause = unwrap(e.getCause());
      throw new IllegalStateException("stream job '" + name + "' could not stop with a savepoint in " + directory
          + ": " + cause.getMessage() + (result.isDone() ? "" : "; the job keeps running")
          + " (savepoints need STREAMING mode: a bounded program of stateless operators runs in BATCH mode unless"
          + " it checkpoints, see Checkpointing.every)", cause);
    }
  }

  @Override
  public Map<String, OperatorMetrics> metrics() {
    StreamResult done = result.getNow(null);
    if (done != null) {
      return done.metrics();
    }
    try {
      lastMetrics = Collections.unmodifiableMap(metrics(client.getAccumulators().get(5, TimeUnit.SECONDS)));
    } catch (Exception e) {
      // not available (job starting or ending): the last counters read
    }
    return lastMetrics;
  }
}
