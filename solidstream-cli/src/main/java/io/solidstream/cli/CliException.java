package io.solidstream.cli;

/**
 * A failure the command reports as one message and an {@link ExitCode}, without a stack trace
 * (unless {@code --verbose}).
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure with this exit code and message. */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A failure with this exit code, message and cause (shown with {@code --verbose}). */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code, one of {@link ExitCode}. */
  public int exitCode() {
    return exitCode;
  }
}
