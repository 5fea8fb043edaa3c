package io.solidstream.api.execution;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.event.RunEventListener;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log of one run: keeps every event in order and hands each to the listeners as it
 * arrives. Thread-safe; listeners see one event at a time, in the log's order.
 */
public final class RunEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

  private final List<RunEvent> events = new ArrayList<>();
  private final List<RunEventListener> listeners;

  /** A log that forwards to {@code listeners}. */
  public RunEvents(List<RunEventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Appends an event and delivers it to every listener; a failing listener is logged and skipped. */
  public synchronized void emit(RunEvent event) {
    events.add(event);
    for (RunEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        // Errors too: an assertion failing in a test's listener must not kill the run's threads.
        LOG.warn("Event listener {} failed on {} event of run {}", listener, event.type(), event.runId(), e);
      }
    }
  }

  /** A copy of the events so far. */
  public synchronized List<RunEvent> snapshot() {
    return List.copyOf(events);
  }
}
