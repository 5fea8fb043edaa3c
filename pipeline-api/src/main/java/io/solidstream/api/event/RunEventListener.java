package io.solidstream.api.event;

/**
 * Receives the events of a run as they happen.
 *
 * <p>Called from the runtime's threads, one event at a time per run and in the run's order; keep
 * it fast. An exception thrown by a listener is logged and does not affect the run.
 */
@FunctionalInterface
public interface RunEventListener {

  /** Handles one event. */
  void onEvent(RunEvent event);
}
