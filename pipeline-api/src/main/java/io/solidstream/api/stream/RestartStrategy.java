package io.solidstream.api.stream;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a runtime does when a stream job fails: give up ({@link #none()}, the default), or restart
 * it a bounded number of times after a delay. Immutable.
 *
 * <pre>{@code
 * StreamOptions options = StreamOptions.defaults()
 *     .withRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofSeconds(1)));
 * }</pre>
 *
 * <p>On Flink a restarted job resumes from its latest completed checkpoint (or from its start
 * without one); the in-process runtime has no checkpoints and re-runs the job from its start,
 * with fresh state and fresh collected records. When the attempts are used up, the job fails with
 * the last failure.
 */
public sealed interface RestartStrategy extends Serializable {

  /** Never restart: the first failure fails the job. */
  static RestartStrategy none() {
    return None.INSTANCE;
  }

  /**
   * Restart at most {@code attempts} times, waiting {@code delay} before each restart.
   *
   * @throws IllegalArgumentException if {@code attempts < 1} or {@code delay} is negative
   */
  static RestartStrategy fixedDelay(int attempts, Duration delay) {
    return new FixedDelay(attempts, delay);
  }

  /**
   * Restart at most {@code attempts} times, waiting {@code initialBackoff} before the first
   * restart and twice as long before each next one, up to {@code maxBackoff}.
   *
   * @throws IllegalArgumentException if {@code attempts < 1}, a backoff is not positive, or {@code
   *     maxBackoff < initialBackoff}
   */
  static RestartStrategy exponentialDelay(int attempts, Duration initialBackoff, Duration maxBackoff) {
    return new ExponentialDelay(attempts, initialBackoff, maxBackoff, 2.0);
  }

  /** How many restarts are allowed (0 for none). */
  int attempts();

  /** The delay before restart number {@code restart} (1 for the first). */
  Duration delayBefore(int restart);

  /** Never restart. */
  record None() implements RestartStrategy {
    private static final None INSTANCE = new None();

    @Override
    public int attempts() {
      return 0;
    }

    @Override
    public Duration delayBefore(int restart) {
      return Duration.ZERO;
    }
  }

  /**
   * At most {@code attempts} restarts, each after {@code delay}.
   *
   * @param attempts the maximum number of restarts, at least 1
   * @param delay the wait before each restart, zero or more
   */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    /** Validates. */
    public FixedDelay {
      Objects.requireNonNull(delay, "delay");
      if (attempts < 1) {
        throw new IllegalArgumentException("fixed-delay restart attempts must be at least 1, was " + attempts
            + "; use RestartStrategy.none() for no restarts");
      }
      if (delay.isNegative()) {
        throw new IllegalArgumentException("fixed-delay restart delay must not be negative, was " + delay);
      }
    }

    @Override
    public Duration delayBefore(int restart) {
      return delay;
    }
  }

  /**
   * At most {@code attempts} restarts, the delay growing by {@code multiplier} from {@code
   * initialBackoff} up to {@code maxBackoff}.
   *
   * @param attempts the maximum number of restarts, at least 1 (on Flink counted until the backoff
   *     resets after an hour of running without failure)
   * @param initialBackoff the wait before the first restart, positive
   * @param maxBackoff the longest wait, at least {@code initialBackoff}
   * @param multiplier the growth of the wait per restart, at least 1
   */
  record ExponentialDelay(int attempts, Duration initialBackoff, Duration maxBackoff, double multiplier)
      implements RestartStrategy {
    /** Validates. */
    public ExponentialDelay {
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (attempts < 1) {
        throw new IllegalArgumentException("exponential-delay restart attempts must be at least 1, was " + attempts
            + "; use RestartStrategy.none() for no restarts");
      }
      if (initialBackoff.isZero() || initialBackoff.isNegative()) {
        throw new IllegalArgumentException("exponential-delay initial backoff must be positive, was " + initialBackoff);
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("exponential-delay max backoff " + maxBackoff
            + " is shorter than the initial backoff " + initialBackoff + "; make it at least as long");
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("exponential-delay multiplier must be a finite number of at least 1, was "
            + multiplier);
      }
    }

    @Override
    public Duration delayBefore(int restart) {
      double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, restart - 1));
      return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
  }
}
