package io.solidstream.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Waiting as the API's await methods promise. */
class CompletionsTest {

  @Test
  void aCompletedFutureGivesItsValueAndAnOpenOneNothingOnceTheTimeoutPassed() {
    assertThat(Completions.await(CompletableFuture.completedFuture("done"), null, "job", IllegalStateException::new))
        .contains("done");
    assertThat(Completions.await(new CompletableFuture<String>(), Duration.ofMillis(20), "job",
        IllegalStateException::new)).isEmpty();
  }

  @Test
  void anInterruptEndsTheWaitWithACancellationNamingWhatWasAwaitedAndKeepsTheFlag() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> Completions.await(new CompletableFuture<String>(), null, "run 42",
        IllegalStateException::new))
        .isInstanceOf(CancellationException.class).hasMessage("Interrupted while waiting for run 42");
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aFailedFutureThrowsWhatTheCallerMakesOfItsCause() {
    CompletableFuture<String> failed = CompletableFuture.failedFuture(new java.io.IOException("disk"));

    assertThatThrownBy(() -> Completions.await(failed, Duration.ofSeconds(1), "job",
        cause -> new IllegalStateException("job crashed", cause)))
        .isInstanceOf(IllegalStateException.class).hasMessage("job crashed")
        .hasCauseInstanceOf(java.io.IOException.class);
  }
}
