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

  /** The handle of the solid that failed. */
  public String solidHandle() {
    return solidHandle;
  }

  /** The key of the step that failed. */
  public String stepKey() {
    return stepKey;
  }
}
