package io.solidstream.api.solid;

/**
 * A failure of user code (compute function, resource, hook, type check), with where it happened.
 *
 * <p>The original exception is the {@linkplain #getCause() cause}; the message names the solid
 * handle and step key, then the cause's class and message.
 */
public class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String solidHandle;
  private final String stepKey;

  /** A failure of the step {@code stepKey} of solid {@code solidHandle}. */
  public UserCodeException(String solidHandle, String stepKey, String what, Throwable cause) {
    super(
        what + " in solid '" + solidHandle + "' (step '" + stepKey + "')"
            + (cause == null ? "" : ": " + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())),
        cause);
    this.solidHandle = solidHandle;
    this.stepKey = stepKey;
  }

  private UserCodeException(String message, Throwable cause, String solidHandle, String stepKey) {
    super(message, cause);
    this.solidHandle = solidHandle;
    this.stepKey = stepKey;
  }

  /**
   * A failure of user code in the stream operator {@code operator} (a stream program's node name,
   * e.g. {@code clicks/map}). The message reads {@code Error in operator 'clicks/map':
   * java.lang.IllegalStateException: boom}; {@link #solidHandle()} and {@link #stepKey()} both
   * return the operator name.
   *
   * @param operator the name of the failing operator
   * @param cause the exception the user code threw
   * @return the exception to report
   */
  public static UserCodeException inOperator(String operator, Throwable cause) {
    String message = "Error in operator '" + operator + "'"
        + (cause == null ? "" : ": " + cause.getClass().getName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    return new UserCodeException(message, cause, operator, operator);
  }

  /** The handle of the solid that failed. */
  public String solidHandle() {
    return solidHandle;
  }

  /** The key of the step that failed. */
  public String stepKey() {
    return stepKey;
  }
}
