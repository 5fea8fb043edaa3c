package io.solidstream.instance;

import io.solidstream.api.event.RunEvent;
import java.util.List;

/**
 * A slice of a run's events in the order they happened, read from a cursor: what a UI or CLI
 * following a run polls.
 *
 * <pre>{@code
 * long cursor = EventPage.START;
 * EventPage page;
 * do {
 *   page = instance.events(runId, cursor, 500);
 *   page.events().forEach(e -> System.out.println(e.message()));
 *   cursor = page.cursor();
 * } while (page.hasMore());
 * }</pre>
 *
 * @param storedEvents the events after the requested cursor, with their cursors
 * @param cursor where to read on from: the last event's cursor, or the requested cursor if none
 * @param hasMore whether more events were stored after this page when it was read
 */
public record EventPage(List<StoredEvent> storedEvents, long cursor, boolean hasMore) {

  /** The cursor before a run's first event. */
  public static final long START = 0L;

  /** Copies the events. */
  public EventPage {
    storedEvents = List.copyOf(storedEvents);
  }

  /** The events of this page, in order. */
  public List<RunEvent> events() {
    return storedEvents.stream().map(StoredEvent::event).toList();
  }

  /** A page of {@code events} read after {@code after}, with {@code hasMore} as given. */
  public static EventPage of(List<StoredEvent> events, long after, boolean hasMore) {
    long cursor = events.isEmpty() ? after : events.get(events.size() - 1).cursor();
    return new EventPage(events, cursor, hasMore);
  }
}
