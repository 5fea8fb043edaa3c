package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.RetryPolicy.Backoff;
import io.solidstream.api.solid.RetryPolicy.Jitter;
import io.solidstream.api.solid.RetryRequested;
import io.solidstream.api.solid.SolidDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

  /** A solid that throws {@code failure} on its first {@code failures} attempts, then returns 7. */
  private static SolidDefinition flaky(int failures, Exception failure, RetryPolicy policy, List<Integer> attempts) {
    return SolidDefinition.builder("flaky").retryPolicy(policy).returning(OUT, (ctx, in) -> {
      attempts.add(ctx.attempt());
      if (attempts.size() <= failures) {
        throw failure;
      }
      return 7;
    }).build();
  }

  private static RunResult runAlone(SolidDefinition solid) {
    PipelineBuilder p = PipelineDefinition.builder("retries");
    p.add(solid);
    return LocalRuntime.create().execute(p.build());
  }

  @Test
  void stepFailingTwiceSucceedsOnItsThirdAttempt() {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());

    RunResult result = runAlone(flaky(2, new IllegalStateException("flaky"), RetryPolicy.maxAttempts(3), attempts));

    assertThat(result.success()).isTrue();
    assertThat(result.output("flaky", OUT)).isEqualTo(7);
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class))
        .extracting(RunEvent.StepUpForRetry::attempt, e -> e.error().message())
        .containsExactly(tuple(1, "flaky"), tuple(2, "flaky"));
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).extracting(RunEvent.StepStarted::attempt)
        .containsExactly(1, 2, 3);
    assertThat(result.eventsOf(RunEvent.StepSucceeded.class)).singleElement()
        .extracting(RunEvent.StepSucceeded::attempts).isEqualTo(3);
    assertThat(result.step("flaky").orElseThrow().attempts()).isEqualTo(3);
    assertThat(result.step("flaky").orElseThrow().status()).isEqualTo(StepStatus.SUCCESS);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).isEmpty();
  }

  @Test
  void exhaustedRetriesFailTheStepWithTheLastAttemptNumber() {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());

    RunResult result = runAlone(flaky(99, new IllegalStateException("always"), RetryPolicy.maxAttempts(3), attempts));

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class)).hasSize(2);
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(f -> {
      assertThat(f.attempt()).isEqualTo(3);
      assertThat(f.error().message()).isEqualTo("always");
    });
    assertThat(result.step("flaky").orElseThrow().attempts()).isEqualTo(3);
  }

  @Test
  void retryOnRetriesOnlyTheListedExceptions() {
    RetryPolicy onlyIo = RetryPolicy.maxAttempts(3).retryOn(IOException.class);

    // Given an IllegalStateException: not retried
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    RunResult notRetried = runAlone(flaky(1, new IllegalStateException("logic"), onlyIo, attempts));
    assertThat(notRetried.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(attempts).containsExactly(1);
    assertThat(notRetried.eventsOf(RunEvent.StepUpForRetry.class)).isEmpty();
    assertThat(notRetried.eventsOf(RunEvent.StepFailed.class)).singleElement()
        .extracting(RunEvent.StepFailed::attempt).isEqualTo(1);

    // Given an IOException: retried
    List<Integer> ioAttempts = Collections.synchronizedList(new ArrayList<>());
    RunResult retried = runAlone(flaky(1, new IOException("disk"), onlyIo, ioAttempts));
    assertThat(retried.success()).isTrue();
    assertThat(ioAttempts).containsExactly(1, 2);
  }

  @Test
  void retryRequestedRetriesRegardlessOfPolicyAndReportsTheCause() {
    // Given a solid without retry policy that always asks for up to 2 retries
    IOException cause = new IOException("service unavailable");
    AtomicInteger attempts = new AtomicInteger();
    SolidDefinition solid = SolidDefinition.builder("fetch").returning(OUT, (ctx, in) -> {
      attempts.incrementAndGet();
      throw new RetryRequested(2, Duration.ZERO, cause);
    }).build();

    // When
    RunResult result = runAlone(solid);

    // Then it ran 1 + 2 times and every report names the cause, not the request
    assertThat(attempts).hasValue(3);
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
    assertThat(result.failures().get("fetch")).hasCauseReference(cause)
        .hasMessageContaining("solid 'fetch'").hasMessageContaining("service unavailable");
  }

  @Test
  void retryRequestedOnceThenSuccess() {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    SolidDefinition solid = SolidDefinition.builder("once").returning(OUT, (ctx, in) -> {
      attempts.add(ctx.attempt());
      if (ctx.attempt() == 1) {
        throw new RetryRequested(new UncheckedIOException(new IOException("blip")));
      }
      return 1;
    }).build();

    RunResult result = runAlone(solid);

    assertThat(result.success()).isTrue();
    assertThat(attempts).containsExactly(1, 2);
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
    assertThat(result.eventsOf(RunEvent.StepOutput.class)).hasSize(1);
  }

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
  void runUsesThePolicysDelays() {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    RetryPolicy policy = RetryPolicy.maxAttempts(3).withDelay(Duration.ofMillis(20)).withBackoff(Backoff.EXPONENTIAL);

    RunResult result = runAlone(flaky(2, new IllegalStateException("x"), policy, attempts));

    assertThat(result.success()).isTrue();
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class)).extracting(RunEvent.StepUpForRetry::delay)
        .containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
    List<RunEvent> events = result.events();
    RunEvent firstRetry = result.eventsOf(RunEvent.StepUpForRetry.class).get(0);
    RunEvent secondStart = result.eventsOf(RunEvent.StepStarted.class).get(1);
    assertThat(Duration.between(firstRetry.timestamp(), secondStart.timestamp()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(20));
    assertThat(events).isNotEmpty();
  }

  @Test
  void invocationRetryPolicyOverridesTheDefinitions() {
    // Given a solid without retries, used once with a retry policy on the node
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder p = PipelineDefinition.builder("override");
    p.add(flaky(2, new IllegalStateException("x"), RetryPolicy.none(), attempts)).retryPolicy(RetryPolicy.maxAttempts(3));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(attempts).containsExactly(1, 2, 3);

    // Given a solid with retries, used with no retries on the node
    List<Integer> noRetry = Collections.synchronizedList(new ArrayList<>());
    PipelineBuilder q = PipelineDefinition.builder("override_none");
    q.add(flaky(2, new IllegalStateException("x"), RetryPolicy.maxAttempts(5), noRetry)).retryPolicy(RetryPolicy.none());

    RunResult failed = LocalRuntime.create().execute(q.build());

    assertThat(failed.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(noRetry).containsExactly(1);
  }

  @Test
  void cancelWhileWaitingToRetryEndsTheRunWithoutWaiting() throws Exception {
    // Given a step waiting ten seconds before its second attempt
    SolidDefinition slowRetry = SolidDefinition.builder("slow_retry")
        .retryPolicy(RetryPolicy.maxAttempts(2).withDelay(Duration.ofSeconds(10)))
        .returning(OUT, (ctx, in) -> {
          throw new IllegalStateException("fail");
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("retry_cancel");
    p.add(slowRetry);
    CountDownLatch waitingToRetry = new CountDownLatch(1);
    RunRequest request = RunRequest.builder().listener(event -> {
      if (event.type() == EventType.STEP_UP_FOR_RETRY) {
        waitingToRetry.countDown();
      }
    }).build();
    RunHandle handle = LocalRuntime.builder().checkSerializable(false).build().submit(p.build(), request);
    assertThat(waitingToRetry.await(5, TimeUnit.SECONDS)).isTrue();

    // When
    handle.cancel();

    // Then
    RunResult result = handle.await(Duration.ofSeconds(2)).orElseThrow();
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.eventsOf(RunEvent.StepStarted.class)).hasSize(1);
  }
}
