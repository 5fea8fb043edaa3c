package io.solidstream.instance;

import io.solidstream.instance.storage.RunStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the heartbeat of this process's running runs every interval, on one daemon thread. */
final class Heartbeats implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

  private final RunStorage runs;
  private final Set<String> active = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  Heartbeats(RunStorage runs, Duration interval) {
    this.runs = runs;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "solidstream-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    long nanos = interval.toNanos();
    timer.scheduleWithFixedDelay(this::beat, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  void start(String runId) {
    active.add(runId);
  }

  void stop(String runId) {
    active.remove(runId);
  }

  boolean isActive(String runId) {
    return active.contains(runId);
  }

  private void beat() {
    List<String> ids = List.copyOf(active);
    if (ids.isEmpty()) {
      return;
    }
    try {
      runs.heartbeat(ids, Instant.now());
    } catch (RuntimeException e) {
      // The next beat tries again; runs are only taken for dead after the whole timeout.
      LOG.warn("Writing the heartbeat of runs {} failed: {}", ids, e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
