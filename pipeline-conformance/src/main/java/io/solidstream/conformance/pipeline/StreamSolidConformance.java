package io.solidstream.conformance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamSolid;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code StreamSolid}: a step that runs a bounded stream program over its inputs on the stream
 * runtime of the pipeline's runtime ({@code ctx.streams()}), with its config, named after the step,
 * failing and retried like any step.
 */
public abstract class StreamSolidConformance extends PipelineConformance {
  /** A click of a user at a time (ms). */
  public record Click(String user, long time) implements Serializable {}

  /** The clicks of a user in the window starting at {@code windowStart}. */
  public record UserCount(String user, long windowStart, long count) implements Serializable {}

  static final OutputDef<List<Click>> CLICKS_OUT = OutputDef.of("clicks", new TypeRef<>() {});
  static final InputDef<List<Click>> CLICKS = InputDef.of("clicks", new TypeRef<>() {});
  static final OutputDef<List<UserCount>> COUNTS = OutputDef.of("counts", new TypeRef<>() {});

  static final List<Click> DATA = List.of(
      new Click("ann", 1_000), new Click("bob", 2_000), new Click("ann", 59_000),
      new Click("ann", 61_000), new Click("bob", 119_999), new Click("cid", 120_000));

  /** Fails on cid's click while {@code failUntilAttempt} is not reached. */
  static PipelineDefinition clicks(int failUntilAttempt, RetryPolicy policy) {
    SolidDefinition load = SolidDefinition.builder("load_clicks").returning(CLICKS_OUT, (ctx, in) -> DATA).build();
    SolidDefinition count = StreamSolid.builder("count_clicks", COUNTS, (ctx, in, b) -> {
          int attempt = ctx.attempt();
          return b.source(Sources.fromList(in.get(CLICKS)),
                  WatermarkStrategy.<Click>forMonotonousTimestamps().withTimestampAssigner((c, ts) -> c.time()))
              .map(c -> {
                if (attempt < failUntilAttempt && c.user().equals("cid")) {
                  throw new IllegalStateException("bad click " + c);
                }
                return c;
              })
              .keyBy(Click::user)
              .window(WindowSpec.tumbling(Duration.ofMillis(ctx.config().getLong("window_ms"))))
              .aggregate(Aggregators.count(), (user, window, n) -> new UserCount(user, window.start(), n));
        })
        .config(ConfigType.shape().field("window_ms", ConfigType.longType(), 60_000L).build())
        .input(CLICKS)
        .retryPolicy(policy)
        .build();
    PipelineBuilder p = PipelineDefinition.builder("clicks");
    SolidNode loaded = p.add(load);
    p.add(count).wire(CLICKS, loaded.output(CLICKS_OUT));
    return p.build();
  }

  /** The expected counts, computed with java.util.stream. */
  static Map<String, Long> expectedCounts(long windowMs) {
    return DATA.stream().collect(Collectors.groupingBy(
        c -> c.user() + "@" + (c.time() - c.time() % windowMs), Collectors.counting()));
  }

  static Map<String, Long> byUserAndWindow(List<UserCount> counts) {
    return counts.stream().collect(Collectors.toMap(c -> c.user() + "@" + c.windowStart(), UserCount::count));
  }

  @Test
  void aStreamSolidRunsItsWindowedProgramOverItsInputsAndEmitsTheCollectedRecords() {
    RunResult result = execute(clicks(0, RetryPolicy.none()));

    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(byUserAndWindow(result.output("count_clicks", COUNTS))).isEqualTo(expectedCounts(60_000));
  }

  @Test
  void theProgramReadsTheSolidsConfig() {
    RunResult result = execute(clicks(0, RetryPolicy.none()),
        RunRequest.of(RunConfig.fromYaml("solids: {count_clicks: {config: {window_ms: 30000}}}")));

    assertThat(result.success()).isTrue();
    assertThat(byUserAndWindow(result.output("count_clicks", COUNTS))).isEqualTo(expectedCounts(30_000));
  }

  @Test
  void aFailureInsideTheProgramFailsTheStepNamingSolidAndOperator() {
    RunResult result = execute(clicks(Integer.MAX_VALUE, RetryPolicy.none()));

    assertThat(result.success()).isFalse();
    Throwable failure = result.failures().get("count_clicks");
    assertThat(failure).isInstanceOf(UserCodeException.class)
        .hasMessageContaining("solid 'count_clicks'")
        .hasMessageContaining("Error in operator 'count_clicks/map'")
        .rootCause().hasMessage("bad click Click[user=cid, time=120000]");
  }

  @Test
  void cancellingTheRunWhileItsProgramRunsEndsTheRunPromptly() {
    // Given a stream solid whose program would take minutes: 100 000 records, 10 ms each
    Journal journal = journal("stream");
    OutputDef<List<Long>> slowOut = OutputDef.of("numbers", new TypeRef<>() {});
    PipelineBuilder p = PipelineDefinition.builder("slow_stream");
    p.add(StreamSolid.builder("slow", slowOut, (ctx, in, b) -> b.source(Sources.sequence(1, 100_000))
        .map(n -> {
          if (n == 1) {
            journal.write("streaming");
          }
          java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
          return n;
        })).build());
    io.solidstream.api.run.RunHandle handle = runtime().submit(p.build(), RunRequest.defaults());
    journal.awaitEntry("streaming", runTimeout());

    // When
    handle.cancel();

    // Then
    RunResult result = handle.await(Duration.ofSeconds(30)).orElseThrow(
        () -> new AssertionError("the run did not end within 30 s of its cancellation"));
    assertThat(result.status()).isEqualTo(io.solidstream.api.run.RunStatus.CANCELED);
    assertThat(result.hasOutput("slow", "numbers")).isFalse();
  }

  @Test
  void aFailedProgramIsRetriedLikeAnyStep() {
    RunResult result = execute(clicks(2, RetryPolicy.maxAttempts(2)));

    assertThat(result.success()).as(NormalizedEvents.of(result.events()).toString()).isTrue();
    assertThat(result.step("count_clicks").orElseThrow().attempts()).isEqualTo(2);
    assertThat(byUserAndWindow(result.output("count_clicks", COUNTS))).isEqualTo(expectedCounts(60_000));
  }
}
