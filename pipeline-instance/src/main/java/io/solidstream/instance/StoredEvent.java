package io.solidstream.instance;

import io.solidstream.api.event.RunEvent;
import java.util.Objects;

/**
 * An event as stored in an instance's event log, with its cursor: the position to read on from.
 *
 * @param cursor the event's position in the event log; increases with every stored event
 * @param event the event
 */
public record StoredEvent(long cursor, RunEvent event) {

  /** Validates. */
  public StoredEvent {
    Objects.requireNonNull(event, "event");
  }
}
