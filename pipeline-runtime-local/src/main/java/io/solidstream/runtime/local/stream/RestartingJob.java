package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-process job under a restart strategy: when an attempt fails and restarts are left, a new
 * attempt (a fresh plan: empty state, empty collect sinks) runs the program again from its start
 * after the strategy's delay. The result is the last attempt's.
 */
final class RestartingJob implements StreamJob {
  private final String name;
  private final Supplier<LocalStreamJob> attempts;
  private final RestartStrategy strategy;
  private final CompletableFuture<StreamResult> result = new CompletableFuture<>();
  private final Object lock = new Object();
  private LocalStreamJob current;
  private boolean cancelled;

  /** Starts the first attempt now (so a program that cannot run fails here), the rest on demand. */
  RestartingJob(String name, Supplier<LocalStreamJob> attempts, RestartStrategy strategy) {
    this.name = name;
    this.attempts = attempts;
    this.strategy = strategy;
    this.current = attempts.get();
    Thread supervisor = new Thread(this::supervise, "solidstream-" + name + "-restarts");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  private void supervise() {
    int restarts = 0;
    LocalStreamJob attempt = current;
    while (true) {
      StreamResult outcome;
      try {
        outcome = attempt.await();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (outcome.status() != JobStatus.FAILED || restarts >= strategy.attempts()) {
        result.complete(outcome);
        return;
      }
      restarts++;
      synchronized (lock) {
        long until = System.nanoTime() + strategy.delayBefore(restarts).toNanos();
        long left;
        while (!cancelled && (left = until - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
          }
        }
        if (cancelled) {
          result.complete(new StreamResult(name, JobStatus.CANCELED, null, Map.of(), outcome.metrics()));
          return;
        }
        current = attempts.get();
        attempt = current;
      }
    }
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
    synchronized (lock) {
      cancelled = true;
      current.cancel();
      lock.notifyAll();
    }
  }

  @Override
  public String stopWithSavepoint(String directory) {
    return LocalStreamJob.refuseSavepoint(name);
  }

  /** The counters of the current attempt. */
  @Override
  public Map<String, OperatorMetrics> metrics() {
    synchronized (lock) {
      return current.metrics();
    }
  }

  @Override
  public String toString() {
    return "stream job '" + name + "' (" + status() + ", restarts: " + strategy + ")";
  }
}
