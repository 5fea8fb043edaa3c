package io.solidstream.instance;

import com.google.common.util.concurrent.Uninterruptibles;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.storage.EventLogStorage;
import io.solidstream.instance.storage.RunStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events of an instance's runs on one background thread, in batches: whatever the runs
 * emitted since the last write (up to {@link #MAX_BATCH} events) goes in one transaction, then the
 * status of runs whose run-level events were in it is updated. Events of one run are written in the
 * order they were emitted. {@link #flush(String)} tells when everything a run emitted so far is stored.
 */
final class EventWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

  /** The most events in one transaction. */
  static final int MAX_BATCH = 4096;
  private static final int CAPACITY = 65_536;

  private record Flush(String runId, CompletableFuture<Void> done) {}

  private record Stop() {}

  private final RunStorage runs;
  private final EventLogStorage eventLog;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
  private final Map<String, StorageException> failures = new ConcurrentHashMap<>();
  private final Thread thread;

  EventWriter(RunStorage runs, EventLogStorage eventLog) {
    this.runs = runs;
    this.eventLog = eventLog;
    this.thread = new Thread(this::loop, "solidstream-event-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues an event; blocks while the queue is full (the storage is slower than the runs). */
  void enqueue(RunEvent event) {
    if (!thread.isAlive()) {
      throw new IllegalStateException("The instance's event writer is stopped; event " + event.type() + " of run "
          + event.runId() + " cannot be stored (the instance was closed)");
    }
    // Not interruptible: a cancelled run interrupts its steps, and their events must still be stored.
    Uninterruptibles.putUninterruptibly(queue, event);
  }

  /** Completes when every event of {@code runId} queued so far is stored; exceptionally if one could not be. */
  CompletableFuture<Void> flush(String runId) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!thread.isAlive()) {
      done.completeExceptionally(new IllegalStateException("The instance's event writer is stopped"));
      return done;
    }
    Uninterruptibles.putUninterruptibly(queue, new Flush(runId, done));
    return done;
  }

  /** Writes what is queued and stops the thread. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      Uninterruptibles.putUninterruptibly(queue, new Stop());
      Uninterruptibles.joinUninterruptibly(thread);
    }
  }

  private void loop() {
    List<Object> items = new ArrayList<>();
    List<RunEvent> batch = new ArrayList<>();
    while (true) {
      items.clear();
      items.add(Uninterruptibles.takeUninterruptibly(queue));
      queue.drainTo(items, MAX_BATCH - 1);
      boolean stop = false;
      for (Object item : items) {
        if (item instanceof RunEvent event) {
          batch.add(event);
          continue;
        }
        write(batch);
        if (item instanceof Flush flush) {
          StorageException failure = failures.remove(flush.runId());
          if (failure == null) {
            flush.done().complete(null);
          } else {
            flush.done().completeExceptionally(failure);
          }
        } else if (item instanceof Stop) {
          stop = true;
        }
      }
      write(batch);
      if (stop) {
        return;
      }
    }
  }

  private void write(List<RunEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      eventLog.storeEvents(batch);
      for (RunEvent event : batch) {
        RunStatus status = statusTold(event);
        if (status != null) {
          runs.updateStatus(event.runId(), status, event.timestamp());
        }
      }
    } catch (RuntimeException e) {
      StorageException failure = e instanceof StorageException se ? se
          : new StorageException("Cannot store " + batch.size() + " events: " + e, e);
      LOG.error("Lost {} events of run(s) {}: {}", batch.size(),
          batch.stream().map(RunEvent::runId).distinct().toList(), failure.getMessage(), e);
      for (RunEvent event : batch) {
        failures.putIfAbsent(event.runId(), failure);
      }
    } finally {
      batch.clear();
    }
  }

  /** The run status an event tells, or null for step events. */
  static RunStatus statusTold(RunEvent event) {
    return switch (event.type()) {
      case RUN_STARTED -> RunStatus.STARTED;
      case RUN_SUCCEEDED -> RunStatus.SUCCESS;
      case RUN_FAILED -> RunStatus.FAILURE;
      case RUN_CANCELED -> RunStatus.CANCELED;
      default -> null;
    };
  }
}
