package io.solidstream.api.solid;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by compute code to ask for another attempt of the step, whatever its retry policy.
 *
 * <pre>{@code
 * try {
 *   return client.fetch();
 * } catch (IOException e) {
 *   throw new RetryRequested(3, Duration.ofSeconds(1), e);
 * }
 * }</pre>
 *
 * <p>{@code maxRetries} counts retries, not attempts: 3 allows up to 4 attempts in all. When the
 * retries are used up, the step fails with the cause.
 */
public final class RetryRequested extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int maxRetries;
  private final Duration wait;

  /** Requests a retry after {@code wait}, allowing {@code maxRetries} retries in all. */
  public RetryRequested(int maxRetries, Duration wait, Throwable cause) {
    super("retry requested (max " + maxRetries + " retries, wait " + wait + ")", cause);
    if (maxRetries < 1) {
      throw new IllegalArgumentException("maxRetries must be at least 1, was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.wait = Objects.requireNonNull(wait, "wait");
  }

  /** Requests one retry without waiting. */
  public RetryRequested(Throwable cause) {
    this(1, Duration.ZERO, cause);
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration waitDuration() {
    return wait;
  }
}
