package io.solidstream.instance;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;

/** Opens {@link EventSamples} to tests in other packages. */
public final class EventSamplesAccess {
  private EventSamplesAccess() {}

  public static RunEvent of(EventType type, String runId) {
    return EventSamples.of(type, runId);
  }
}
