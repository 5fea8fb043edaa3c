package io.solidstream.instance.storage;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.EventPage;
import io.solidstream.instance.RunPage;
import io.solidstream.instance.RunQuery;
import io.solidstream.instance.RunRecord;
import io.solidstream.instance.StorageException;
import io.solidstream.instance.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs and events kept in memory, for unit tests and {@code in_memory} instances; lost on close.
 * Thread-safe (every method is synchronized). Follows the same contract as the SQL storages, which
 * the shared storage test suite checks.
 */
public final class InMemoryStorage implements RunStorage, EventLogStorage {

  private final Map<String, Entry> runs = new LinkedHashMap<>();
  private final Map<String, List<StoredEvent>> events = new HashMap<>();
  private long nextRunSequence = 1;
  private long nextCursor = 1;
  private boolean closed;

  private record Entry(long sequence, RunRecord run) {}

  @Override
  public synchronized void addRun(RunRecord run) {
    checkOpen();
    if (runs.containsKey(run.runId())) {
      throw new IllegalArgumentException("A run with id '" + run.runId() + "' already exists in this instance;"
          + " leave the run id out of the request to get a fresh one");
    }
    runs.put(run.runId(), new Entry(nextRunSequence++, run));
  }

  @Override
  public synchronized Optional<RunRecord> run(String runId) {
    checkOpen();
    Entry entry = runs.get(runId);
    return entry == null ? Optional.empty() : Optional.of(entry.run());
  }

  @Override
  public synchronized RunPage runs(RunQuery query) {
    checkOpen();
    long before = query.cursor().map(InMemoryStorage::parseCursor).orElse(Long.MAX_VALUE);
    List<Entry> matching = runs.values().stream()
        .filter(e -> e.sequence() < before)
        .filter(e -> query.pipelineName().map(name -> name.equals(e.run().pipelineName())).orElse(true))
        .filter(e -> query.parentRunId().map(parent -> parent.equals(e.run().parentRunId())).orElse(true))
        .filter(e -> query.statuses().isEmpty() || query.statuses().contains(e.run().status()))
        .filter(e -> e.run().tags().entrySet().containsAll(query.tags().entrySet()))
        .sorted(Comparator.comparingLong(Entry::sequence).reversed())
        .limit(query.limit() + 1L)
        .toList();
    boolean more = matching.size() > query.limit();
    List<Entry> page = more ? matching.subList(0, query.limit()) : matching;
    String next = more ? Long.toString(page.get(page.size() - 1).sequence()) : null;
    return RunPage.of(page.stream().map(Entry::run).toList(), next);
  }

  @Override
  public synchronized void updateStatus(String runId, RunStatus status, Instant at) {
    checkOpen();
    runs.computeIfPresent(runId, (id, e) -> new Entry(e.sequence(), e.run().withStatus(status, at)));
  }

  @Override
  public synchronized void heartbeat(Collection<String> runIds, Instant at) {
    checkOpen();
    for (String runId : runIds) {
      runs.computeIfPresent(runId, (id, e) -> new Entry(e.sequence(), e.run().withHeartbeat(at)));
    }
  }

  @Override
  public synchronized List<RunRecord> staleRuns(Instant before) {
    checkOpen();
    return runs.values().stream()
        .map(Entry::run)
        .filter(run -> !run.status().isDone() && run.heartbeatAt().isBefore(before))
        .sorted(Comparator.comparing(RunRecord::heartbeatAt))
        .toList();
  }

  @Override
  public synchronized boolean markFailedIfStale(String runId, Instant before, Instant at) {
    checkOpen();
    Entry entry = runs.get(runId);
    if (entry == null || entry.run().status().isDone() || !entry.run().heartbeatAt().isBefore(before)) {
      return false;
    }
    runs.put(runId, new Entry(entry.sequence(), entry.run().withStatus(RunStatus.FAILURE, at)));
    return true;
  }

  @Override
  public synchronized boolean deleteRun(String runId) {
    checkOpen();
    return runs.remove(runId) != null;
  }

  @Override
  public synchronized void storeEvents(List<? extends RunEvent> batch) {
    checkOpen();
    for (RunEvent event : batch) {
      events.computeIfAbsent(event.runId(), id -> new ArrayList<>()).add(new StoredEvent(nextCursor++, event));
    }
  }

  @Override
  public synchronized EventPage events(String runId, long afterCursor, int limit) {
    checkOpen();
    checkLimit(limit);
    List<StoredEvent> all = events.getOrDefault(runId, List.of());
    List<StoredEvent> page = new ArrayList<>();
    boolean more = false;
    for (StoredEvent stored : all) {
      if (stored.cursor() <= afterCursor) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(stored);
    }
    return EventPage.of(page, afterCursor, more);
  }

  @Override
  public synchronized List<RunEvent> events(String runId, Set<EventType> types) {
    checkOpen();
    return events.getOrDefault(runId, List.of()).stream()
        .map(StoredEvent::event)
        .filter(e -> types.contains(e.type()))
        .toList();
  }

  @Override
  public synchronized long eventCount(String runId) {
    checkOpen();
    return events.getOrDefault(runId, List.of()).size();
  }

  @Override
  public synchronized long deleteEvents(String runId) {
    checkOpen();
    List<StoredEvent> removed = events.remove(runId);
    return removed == null ? 0 : removed.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    runs.clear();
    events.clear();
  }

  @Override
  public String toString() {
    return "in-memory storage";
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("The in-memory instance storage is closed; open a new instance");
    }
  }

  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("An event page holds at least 1 event; limit was " + limit);
    }
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Run cursor '" + cursor + "' was not returned by this instance; pass"
          + " RunPage.nextCursor() of a previous page", e);
    }
  }
}
