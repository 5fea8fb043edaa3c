package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.RetryPolicy.Backoff;
import io.solidstream.api.solid.RetryRequested;
import io.solidstream.api.solid.SolidDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Retries: the retry policy (attempts, delays, exception types, overridden per use), a solid's
 * own {@link RetryRequested}, and how attempts show in events, step stats and outputs.
 */
public abstract class RetriesConformance extends PipelineConformance {

  /** The exception a flaky solid throws. */
  enum Failure { STATE, IO }

  /**
   * A solid that journals each attempt, fails the first {@code failures} attempts with an
   * {@code IllegalStateException} or an {@code IOException}, then returns 7.
   */
  static SolidDefinition flaky(int failures, Failure failure, RetryPolicy policy, Journal attempts) {
    return SolidDefinition.builder("flaky").retryPolicy(policy).returning(OUT, (ctx, in) -> {
      attempts.write("attempt " + ctx.attempt());
      if (ctx.attempt() <= failures) {
        throw failure == Failure.IO ? new IOException("disk") : new IllegalStateException("flaky");
      }
      return 7;
    }).build();
  }

  private RunResult runAlone(SolidDefinition solid) {
    PipelineBuilder p = PipelineDefinition.builder("retries");
    p.add(solid);
    return execute(p.build());
  }

  @Test
  void aStepFailingTwiceSucceedsOnItsThirdAttempt() {
    Journal attempts = journal("attempts");

    RunResult result = runAlone(flaky(2, Failure.STATE, RetryPolicy.maxAttempts(3), attempts));

    assertThat(result.success()).isTrue();
    assertThat(result.output("flaky", OUT)).isEqualTo(7);
    assertThat(attempts.entries()).containsExactly("attempt 1", "attempt 2", "attempt 3");
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class))
        .extracting(RunEvent.StepUpForRetry::attempt, e -> e.error().className(), e -> e.error().message())
        .containsExactly(tuple(1, IllegalStateException.class.getName(), "flaky"),
            tuple(2, IllegalStateException.class.getName(), "flaky"));
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).extracting(RunEvent.StepStarted::attempt)
        .containsExactly(1, 2, 3);
    assertThat(result.eventsOf(RunEvent.StepSucceeded.class)).singleElement()
        .extracting(RunEvent.StepSucceeded::attempts).isEqualTo(3);
    assertThat(result.step("flaky").orElseThrow())
        .extracting(StepStats::status, StepStats::attempts).containsExactly(StepStatus.SUCCESS, 3);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).isEmpty();
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void exhaustedRetriesFailTheStepWithTheLastAttemptNumber() {
    Journal attempts = journal("attempts");

    RunResult result = runAlone(flaky(99, Failure.STATE, RetryPolicy.maxAttempts(3), attempts));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts.entries()).containsExactly("attempt 1", "attempt 2", "attempt 3");
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class)).hasSize(2);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.attempt()).isEqualTo(3);
      assertThat(f.error().message()).isEqualTo("flaky");
    });
    assertThat(result.step("flaky").orElseThrow())
        .extracting(StepStats::status, StepStats::attempts).containsExactly(StepStatus.FAILURE, 3);
    assertThat(result.failures().get("flaky")).hasMessageContaining("flaky")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void retryOnRetriesOnlyTheListedExceptions() {
    RetryPolicy onlyIo = RetryPolicy.maxAttempts(3).retryOn(IOException.class);

    // Given an IllegalStateException: not retried
    Journal stateAttempts = journal("state");
    RunResult notRetried = runAlone(flaky(1, Failure.STATE, onlyIo, stateAttempts));
    assertThat(notRetried.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(stateAttempts.entries()).containsExactly("attempt 1");
    assertThat(notRetried.eventsOf(RunEvent.StepUpForRetry.class)).isEmpty();
    assertThat(notRetried.eventsOf(RunEvent.StepFailed.class)).singleElement()
        .extracting(RunEvent.StepFailed::attempt).isEqualTo(1);

    // Given an IOException: retried
    Journal ioAttempts = journal("io");
    RunResult retried = runAlone(flaky(1, Failure.IO, onlyIo, ioAttempts));
    assertThat(retried.success()).isTrue();
    assertThat(ioAttempts.entries()).containsExactly("attempt 1", "attempt 2");
  }

  @Test
  void retryRequestedRetriesWhateverThePolicyAndReportsItsCause() {
    // Given a solid without retry policy that always asks for up to 2 retries
    Journal attempts = journal("attempts");
    SolidDefinition solid = SolidDefinition.builder("fetch").returning(OUT, (ctx, in) -> {
      attempts.write("attempt " + ctx.attempt());
      throw new RetryRequested(2, Duration.ZERO, new IOException("service unavailable"));
    }).build();

    // When
    RunResult result = runAlone(solid);

    // Then it ran 1 + 2 times and every report names the cause, not the request
    assertThat(attempts.entries()).containsExactly("attempt 1", "attempt 2", "attempt 3");
    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class))
        .extracting(RunEvent.StepUpForRetry::attempt, e -> e.error().className(), RunEvent.StepUpForRetry::delay)
        .containsExactly(tuple(1, IOException.class.getName(), Duration.ZERO),
            tuple(2, IOException.class.getName(), Duration.ZERO));
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.attempt()).isEqualTo(3);
      assertThat(f.error().className()).isEqualTo(IOException.class.getName());
      assertThat(f.error().message()).isEqualTo("service unavailable");
    });
    assertThat(result.failures().get("fetch"))
        .hasMessage("Error in solid 'fetch' (step 'fetch'): java.io.IOException: service unavailable")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void retryRequestedOnceThenSuccess() {
    Journal attempts = journal("attempts");
    SolidDefinition solid = SolidDefinition.builder("once").returning(OUT, (ctx, in) -> {
      attempts.write("attempt " + ctx.attempt());
      if (ctx.attempt() == 1) {
        throw new RetryRequested(new UncheckedIOException(new IOException("blip")));
      }
      return 1;
    }).build();

    RunResult result = runAlone(solid);

    assertThat(result.success()).isTrue();
    assertThat(attempts.entries()).containsExactly("attempt 1", "attempt 2");
    assertThat(result.step("once").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void outputsOfAFailedAttemptAreDiscarded() {
    SolidDefinition solid = SolidDefinition.builder("partial").output(OUT).retryPolicy(RetryPolicy.maxAttempts(2))
        .compute((ctx, in) -> {
          ctx.emit(OUT, ctx.attempt() * 100);
          if (ctx.attempt() == 1) {
            throw new IllegalStateException("after emitting");
          }
        }).build();

    RunResult result = runAlone(solid);

    assertThat(result.success()).isTrue();
    assertThat(result.output("partial", OUT)).isEqualTo(200);
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).singleElement()
        .extracting(RunEvent.StepOutput::valuePreview).isEqualTo("200");
  }

  @Test
  void retriesWaitThePolicysDelays() {
    RetryPolicy policy = RetryPolicy.maxAttempts(3).withDelay(Duration.ofMillis(20)).withBackoff(Backoff.EXPONENTIAL);

    RunResult result = runAlone(flaky(2, Failure.STATE, policy, journal("attempts")));

    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class)).extracting(RunEvent.StepUpForRetry::delay)
        .containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
    RunEvent firstRetry = result.eventsOf(RunEvent.StepUpForRetry.class).get(0);
    RunEvent secondStart = result.eventsOf(RunEvent.StepStarted.class).get(1);
    assertThat(Duration.between(firstRetry.timestamp(), secondStart.timestamp()))
        .as("the second attempt starts no sooner than the delay").isGreaterThanOrEqualTo(Duration.ofMillis(20));
  }

  @Test
  void aRetryPolicyOnTheUseOverridesTheDefinitions() {
    // Given a solid without retries, used with a retry policy on the node
    Journal attempts = journal("attempts");
    PipelineBuilder p = PipelineDefinition.builder("override");
    p.add(flaky(2, Failure.STATE, RetryPolicy.none(), attempts)).retryPolicy(RetryPolicy.maxAttempts(3));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(attempts.entries()).containsExactly("attempt 1", "attempt 2", "attempt 3");

    // Given a solid with retries, used with no retries on the node
    Journal noRetry = journal("no_retry");
    PipelineBuilder q = PipelineDefinition.builder("override_none");
    q.add(flaky(2, Failure.STATE, RetryPolicy.maxAttempts(5), noRetry)).retryPolicy(RetryPolicy.none());

    RunResult failed = execute(q.build());

    assertThat(failed.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(noRetry.entries()).containsExactly("attempt 1");
  }
}
