package io.solidstream.api.event;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

/**
 * A serializable description of an exception: class, message, stack trace and cause.
 *
 * <p>Events carry this instead of the {@link Throwable}, so that they can cross process
 * boundaries and be stored as JSON even when the exception class is not on the reader's classpath.
 *
 * @param className the exception's class name
 * @param message its message, or the empty string
 * @param stackTrace the full printed stack trace
 * @param cause the cause's info, or {@code null}
 */
public record ErrorInfo(String className, String message, String stackTrace, ErrorInfo cause)
    implements Serializable {

  /** Normalises null message and stack trace to the empty string. */
  public ErrorInfo {
    message = message == null ? "" : message;
    stackTrace = stackTrace == null ? "" : stackTrace;
  }

  /** Describes {@code error} and its causes. */
  public static ErrorInfo of(Throwable error) {
    return of(error, 0);
  }

  private static ErrorInfo of(Throwable error, int depth) {
    StringWriter trace = new StringWriter();
    if (depth == 0) {
      error.printStackTrace(new PrintWriter(trace));
    }
    Throwable cause = error.getCause();
    return new ErrorInfo(
        error.getClass().getName(),
        error.getMessage(),
        trace.toString(),
        cause == null || cause == error || depth > 20 ? null : of(cause, depth + 1));
  }

  /** {@code className: message}. */
  @Override
  public String toString() {
    return message.isEmpty() ? className : className + ": " + message;
  }
}
