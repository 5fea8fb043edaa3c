package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.OperatorMetrics;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints, restarts and savepoints on the Flink mini-cluster, with the exactly-once part-file
 * sink. Nothing here is tied to the mini-cluster but the runtime: output and checkpoint
 * directories are ordinary (shared) paths.
 */
class CheckpointsAndSavepointsTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** A running count per key. */
  public record KeyCount(String key, long count) implements Serializable {}

  @Test
  void aFunctionFailingOnceAfterACheckpointRestartsFromItAndThePartFilesHoldEveryRecordExactlyOnce(@TempDir Path dir)
{
    // Given 2 000 records at 1 000 per second, checkpoints every 100 ms, a fixed-delay restart, and
    // a map that fails once (marker file) as soon as a checkpoint has committed a part file
    Path out = dir.resolve("out");
    String outDir = out.toString();
    String marker = dir.resolve("failed-once").toString();
    StreamBuilder b = StreamProgram.builder("failover");
    b.source(Sources.generator(2_000, 1_000, i -> i))
        .map(n -> {
          if (!Files.exists(Path.of(marker)) && !PartFiles.list(Path.of(outDir)).isEmpty()) {
            try {
              Files.createFile(Path.of(marker));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("failing once at " + n);
          }
          return n;
        })
        .sink(Sinks.textFiles(out));
    StreamOptions options = StreamOptions.defaults()
        .withCheckpointing(Checkpointing.every(Duration.ofMillis(100)))
        .withRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ofMillis(100)));

    // When it runs to its end
    StreamResult result = FlinkTestRuntime.RUNTIME.start(b.build(), options).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not finish within " + WAIT));

    // Then it failed once, restarted from a checkpoint, and committed every record exactly once
    assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(marker)).exists();
    assertThat(PartFiles.list(out)).hasSizeGreaterThan(1);
    assertThat(PartFiles.readLines(out).stream().map(Long::parseLong).sorted().toList())
        .isEqualTo(LongStream.range(0, 2_000).boxed().toList());
  }

  @Test
  void withoutARestartStrategyTheFirstFailureFailsTheJobNamingTheOperator(@TempDir Path dir) {
    StreamBuilder b = StreamProgram.builder("no_restart");
    b.source(Sources.unboundedGenerator(i -> i, 200))
        .map(n -> {
          if (n == 20) {
            throw new IllegalStateException("boom at 20");
          }
          return n;
        })
        .sink(Sinks.textFiles(dir));

    StreamResult result = FlinkTestRuntime.RUNTIME.start(b.build()).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not fail within " + WAIT));

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().isInstanceOf(UserCodeException.class)
        .extracting(Throwable::getMessage).asString().contains("no_restart/map", "boom at 20");
  }

  @Test
  void aFixedDelayRestartStrategyGivesUpAfterItsAttemptsWithTheLastFailure(@TempDir Path dir) {
    StreamBuilder b = StreamProgram.builder("always_failing");
    b.source(Sources.generator(10, i -> i))
        .map(n -> {
          throw new IllegalStateException("always failing");
        })
        .sink(Sinks.textFiles(dir));

    StreamResult result = FlinkTestRuntime.RUNTIME.start(b.build(), StreamOptions.defaults()
            .withRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ZERO))).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not fail within " + WAIT));

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().extracting(Throwable::getMessage).asString().contains("always failing");
  }

  @Test
  void aKeyedCountStoppedWithASavepointAndResumedFromItContinuesTheCounts(@TempDir Path dir) {
    // Given an endless keyed running count checkpointing into its own directory
    Path checkpoints = dir.resolve("checkpoints");
    Path out = dir.resolve("out");
    StreamOptions options = StreamOptions.defaults()
        .withParallelism(2)
        .withCheckpointing(Checkpointing.every(Duration.ofMillis(200)))
        .withCheckpointDirectory(checkpoints);
    StreamJob first = FlinkTestRuntime.RUNTIME.start(runningCounts(out), options);
    awaitCondition(() -> recordsInto(first, "counts/sink") >= 60);
    awaitCondition(() -> containsCheckpoint(checkpoints));

    // When it is stopped with a savepoint and started again from it
    String savepoint = first.stopWithSavepoint(dir.resolve("savepoints").toUri().toString());
    StreamResult stopped = first.await(WAIT).orElseThrow();
    Map<String, List<Long>> atStop = countsByKey(PartFiles.readLines(out));
    StreamJob second = FlinkTestRuntime.RUNTIME.start(runningCounts(out), options.fromSavepoint(savepoint));
    awaitCondition(() -> recordsInto(second, "counts/sink") >= 30);
    second.stopWithSavepoint(dir.resolve("savepoints").toUri().toString());
    second.await(WAIT).orElseThrow();

    // Then the stopped job had committed its counts, the resumed one went on from them, and
    // together they count every key 1, 2, 3, ... without a gap or a repeat
    assertThat(stopped.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(savepoint).contains("savepoint-");
    assertThat(atStop).containsOnlyKeys("k0", "k1", "k2");
    Map<String, List<Long>> atEnd = countsByKey(PartFiles.readLines(out));
    for (String key : List.of("k0", "k1", "k2")) {
      List<Long> counts = atEnd.get(key);
      assertThat(counts).as(key).isEqualTo(LongStream.rangeClosed(1, counts.size()).boxed().toList());
      assertThat(counts.size()).as(key).isGreaterThan(atStop.get(key).size());
    }
  }

  @Test
  void resumingFromAMissingSavepointFailsNamingThePath(@TempDir Path dir) {
    String missing = dir.resolve("no-such-savepoint").toUri().toString();
    StreamOptions options = StreamOptions.defaults().fromSavepoint(missing);

    StreamResult result = FlinkTestRuntime.RUNTIME.start(runningCounts(dir.resolve("out")), options).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not fail within " + WAIT));

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().extracting(CheckpointsAndSavepointsTest::messages).asString().contains("no-such-savepoint");
  }

  @Test
  void stoppingAJobThatEndedWithASavepointIsRefused(@TempDir Path dir) {
    StreamBuilder b = StreamProgram.builder("ended");
    b.source(Sources.of(1, 2)).sink(Sinks.collect("out"));
    StreamJob job = FlinkTestRuntime.RUNTIME.start(b.build());
    job.await();

    assertThatThrownBy(() -> job.stopWithSavepoint(dir.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream job 'ended' already ended FINISHED");
  }

  /** An endless running count of keys k0, k1, k2 in turn, written as "key=count" part files. */
  private static StreamProgram runningCounts(Path out) {
    StreamBuilder b = StreamProgram.builder("counts");
    b.source(Sources.unboundedGenerator(i -> new KeyCount("k" + (i % 3), 1), 100))
        .keyBy(KeyCount::key)
        .reduce((a, c) -> new KeyCount(a.key(), a.count() + c.count()))
        .sink(Sinks.textFiles(out, kc -> kc.key() + "=" + kc.count()));
    return b.build();
  }

  private static Map<String, List<Long>> countsByKey(List<String> lines) {
    Map<String, List<Long>> counts = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split("=");
      counts.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
    }
    counts.values().forEach(list -> list.sort(null));
    return counts;
  }

  private static boolean containsCheckpoint(Path checkpoints) {
    if (!Files.isDirectory(checkpoints)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(checkpoints)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("chk-"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }

  private static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static long recordsInto(StreamJob job, String sink) {
    OperatorMetrics metrics = job.metrics().get(sink);
    return metrics == null ? 0 : metrics.recordsIn();
  }
}
