package io.solidstream.instance.storage;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.instance.EventPage;
import java.util.List;
import java.util.Set;

/**
 * Keeps the events of an instance's runs: the storage SPI behind {@code event_log_storage}.
 *
 * <p>Events are appended in batches; each event gets a cursor greater than every cursor given
 * before by this storage to the same writer, so a run's events (written by one process, in order)
 * read back in the order they happened. Thread-safe; may be shared by several processes.
 */
public interface EventLogStorage extends AutoCloseable {

  /** Appends events in their order, all or none (one transaction). */
  void storeEvents(List<? extends RunEvent> events);

  /**
   * The events of a run after {@code afterCursor}, at most {@code limit}, in order.
   *
   * @param afterCursor {@link EventPage#START} for the first event, else a previous page's cursor
   */
  EventPage events(String runId, long afterCursor, int limit);

  /** Every event of a run whose type is one of {@code types}, in order. */
  List<RunEvent> events(String runId, Set<EventType> types);

  /** The number of events stored for a run. */
  long eventCount(String runId);

  /** Deletes every event of a run; returns how many there were. */
  long deleteEvents(String runId);

  /** Releases connections; further calls fail. */
  @Override
  void close();
}
