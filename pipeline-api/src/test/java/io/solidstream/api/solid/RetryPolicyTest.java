package io.solidstream.api.solid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.solid.RetryPolicy.Backoff;
import io.solidstream.api.solid.RetryPolicy.Jitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delays and exception filter of a retry policy (how runs retry is in the conformance suite). */
class RetryPolicyTest {

  @Test
  void exponentialBackoffDoublesTheDelayUpToMaxDelay() {
    RetryPolicy policy = RetryPolicy.maxAttempts(10).withDelay(Duration.ofMillis(100)).withBackoff(Backoff.EXPONENTIAL);

    assertThat(List.of(1, 2, 3, 4).stream().map(policy::delayAfterAttempt).toList()).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    RetryPolicy capped = policy.withMaxDelay(Duration.ofMillis(300));
    assertThat(List.of(1, 2, 3, 4).stream().map(capped::delayAfterAttempt).toList()).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
    RetryPolicy fixed = policy.withBackoff(Backoff.FIXED);
    assertThat(fixed.delayAfterAttempt(5)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delayAfterAttempt(1000)).as("no overflow").isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void jitterStaysWithinItsBounds() {
    RetryPolicy base = RetryPolicy.maxAttempts(5).withDelay(Duration.ofMillis(100)).withBackoff(Backoff.EXPONENTIAL);
    RetryPolicy full = base.withJitter(Jitter.FULL);
    RetryPolicy plusMinus = base.withJitter(Jitter.PLUS_MINUS);
    List<Long> fullDelays = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long fullDelay = full.delayAfterAttempt(3).toMillis(); // base 400
      long pm = plusMinus.delayAfterAttempt(3).toMillis();
      assertThat(fullDelay).isBetween(0L, 400L);
      assertThat(pm).isBetween(200L, 600L);
      fullDelays.add(fullDelay);
    }
    assertThat(fullDelays.stream().distinct().count()).as("jitter varies the delay").isGreaterThan(10);
  }

  @Test
  void retryOnNarrowsTheRetriedExceptionsToTheListedTypesAndTheirSubclasses() {
    RetryPolicy onlyIo = RetryPolicy.maxAttempts(3).retryOn(IOException.class);

    assertThat(RetryPolicy.maxAttempts(3).retries(new IllegalStateException())).isTrue();
    assertThat(onlyIo.retries(new java.io.FileNotFoundException())).isTrue();
    assertThat(onlyIo.retries(new UncheckedIOException(new IOException()))).isFalse();
  }

  @Test
  void aPolicyWithoutAttemptsOrWithANegativeDelayIsRejected() {
    assertThatThrownBy(() -> RetryPolicy.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts must be at least 1").hasMessageContaining("RetryPolicy.none()");
    assertThatThrownBy(() -> RetryPolicy.maxAttempts(2).withDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay must not be negative");
  }
}
