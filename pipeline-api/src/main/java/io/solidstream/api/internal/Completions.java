package io.solidstream.api.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Waiting for the future of a run or a job the way the API's {@code await} methods promise:
 * an interrupt ends the wait (not the work) with a {@link CancellationException} and the
 * interrupt flag restored; a failure of the future is turned into the caller's exception.
 *
 * <p>This class is internal and not part of the Solidstream API.
 */
public final class Completions {
  private Completions() {}

  /**
   * Waits for {@code future}, at most {@code timeout} ({@code null}: without limit).
   *
   * @param what what is waited for, for the interrupt's message, e.g. {@code "run 3f2a"}
   * @param failure turns the cause of an exceptionally completed future into what is thrown
   * @return the value, or empty if {@code timeout} passed first
   * @throws CancellationException if the waiting thread is interrupted (its flag is restored)
   */
  public static <T> Optional<T> await(CompletableFuture<T> future, Duration timeout, String what,
      Function<Throwable, RuntimeException> failure) {
    try {
      return Optional.of(timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for " + what);
    } catch (ExecutionException e) {
      throw failure.apply(e.getCause());
    }
  }
}
