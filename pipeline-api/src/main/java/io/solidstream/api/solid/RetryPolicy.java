package io.solidstream.api.solid;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how soon a failed step is tried again.
 *
 * <p>Immutable; every {@code withX} returns a copy. The delay before attempt {@code n + 1} is
 * {@code delay} (fixed) or {@code delay * 2^(n-1)} (exponential), capped at {@code maxDelay}, then
 * jittered. By default every exception is retried; {@link #retryOn} narrows that.
 *
 * <pre>{@code
 * RetryPolicy.maxAttempts(4).withDelay(Duration.ofMillis(200)).withBackoff(Backoff.EXPONENTIAL)
 *     .withJitter(Jitter.FULL)
 * }</pre>
 *
 * <p>Independently of the policy, compute code can throw {@link RetryRequested}.
 */
public final class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How the delay grows between attempts. */
  public enum Backoff {
    /** The same delay before every retry. */
    FIXED,
    /** The delay doubles with every retry. */
    EXPONENTIAL
  }

  /** Randomisation of the delay, to spread retries of many steps. */
  public enum Jitter {
    /** The computed delay exactly. */
    NONE,
    /** A uniformly random delay between 0 and the computed delay. */
    FULL,
    /** The computed delay plus or minus up to half of it. */
    PLUS_MINUS
  }

  private static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Backoff.FIXED, Jitter.NONE, Duration.ofMinutes(10), List.of());

  private final int maxAttempts;
  private final Duration delay;
  private final Backoff backoff;
  private final Jitter jitter;
  private final Duration maxDelay;
  private final List<Class<? extends Throwable>> retryOn;

  private RetryPolicy(
      int maxAttempts,
      Duration delay,
      Backoff backoff,
      Jitter jitter,
      Duration maxDelay,
      List<Class<? extends Throwable>> retryOn) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "Invalid retry policy: maxAttempts must be at least 1 (the first attempt counts), was "
              + maxAttempts + "; use RetryPolicy.none() for a single attempt without retries");
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("Invalid retry policy: delay must not be negative, was " + delay);
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("Invalid retry policy: maxDelay must not be negative, was " + maxDelay);
    }
    this.maxAttempts = maxAttempts;
    this.delay = delay;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    this.retryOn = List.copyOf(retryOn);
  }

  /** No retries: one attempt. The default of every solid. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Up to {@code attempts} attempts in all (the first one included), without delay. */
  public static RetryPolicy maxAttempts(int attempts) {
    return new RetryPolicy(attempts, Duration.ZERO, Backoff.FIXED, Jitter.NONE, Duration.ofMinutes(10), List.of());
  }

  /** A copy with this base delay between attempts. */
  public RetryPolicy withDelay(Duration delay) {
    return new RetryPolicy(maxAttempts, Objects.requireNonNull(delay, "delay"), backoff, jitter, maxDelay, retryOn);
  }

  /** A copy with this backoff. */
  public RetryPolicy withBackoff(Backoff backoff) {
    return new RetryPolicy(maxAttempts, delay, backoff, jitter, maxDelay, retryOn);
  }

  /** A copy with this jitter. */
  public RetryPolicy withJitter(Jitter jitter) {
    return new RetryPolicy(maxAttempts, delay, backoff, jitter, maxDelay, retryOn);
  }

  /** A copy whose delays never exceed {@code maxDelay} (before jitter). */
  public RetryPolicy withMaxDelay(Duration maxDelay) {
    return new RetryPolicy(
        maxAttempts, delay, backoff, jitter, Objects.requireNonNull(maxDelay, "maxDelay"), retryOn);
  }

  /** A copy that retries only exceptions of these classes (or subclasses). */
  @SafeVarargs
  public final RetryPolicy retryOn(Class<? extends Throwable>... types) {
    return new RetryPolicy(maxAttempts, delay, backoff, jitter, maxDelay, List.of(types));
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration delay() {
    return delay;
  }

  public Backoff backoff() {
    return backoff;
  }

  public Jitter jitter() {
    return jitter;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** Whether the policy retries {@code failure} (by class; attempts are checked separately). */
  public boolean retries(Throwable failure) {
    if (retryOn.isEmpty()) {
      return true;
    }
    for (Class<? extends Throwable> type : retryOn) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** The delay after the failed attempt number {@code attempt} (1-based), jitter applied. */
  public Duration delayAfterAttempt(int attempt) {
    long base = delay.toMillis();
    if (backoff == Backoff.EXPONENTIAL && attempt > 1) {
      int shift = Math.min(attempt - 1, 30);
      base = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    }
    base = Math.min(base, maxDelay.toMillis());
    long jittered =
        switch (jitter) {
          case NONE -> base;
          case FULL -> base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base + 1);
          case PLUS_MINUS -> {
            long half = base / 2;
            yield half == 0 ? base : base - half + ThreadLocalRandom.current().nextLong(2 * half + 1);
          }
        };
    return Duration.ofMillis(Math.max(0, jittered));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", delay=" + delay + ", backoff=" + backoff
        + ", jitter=" + jitter + "}";
  }
}
