package io.solidstream.api.execution;

import io.solidstream.api.event.RunEvent;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The logger user code gets from its context: every message at DEBUG and above becomes a
 * {@link RunEvent.LogMessage} of the run, and is also passed to the SLF4J logger
 * {@code io.solidstream.solid.<handle>} when that one is enabled.
 */
final class EventLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger delegate;
  private final transient RunEvents events;
  private final String runId;
  private final String stepKey;
  private final String solidHandle;

  EventLogger(String loggerName, RunEvents events, String runId, String stepKey, String solidHandle) {
    this.name = loggerName;
    this.delegate = LoggerFactory.getLogger(loggerName);
    this.events = events;
    this.runId = runId;
    this.stepKey = stepKey;
    this.solidHandle = solidHandle;
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String text = MessageFormatter.basicArrayFormat(pattern, arguments);
    if (throwable != null) {
      text = text + " (" + throwable + ")";
    }
    if (level != Level.TRACE) {
      events.emit(new RunEvent.LogMessage(runId, Instant.now(), stepKey, solidHandle, level.name(), text));
    }
    if (delegate.isEnabledForLevel(level)) {
      delegate.makeLoggingEventBuilder(level)
          .setMessage(text)
          .addKeyValue("runId", runId)
          .addKeyValue("step", stepKey)
          .setCause(throwable)
          .log();
    }
  }
}
