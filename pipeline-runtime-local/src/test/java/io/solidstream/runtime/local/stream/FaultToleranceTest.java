package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the in-process runtime makes of checkpoints, restarts and savepoints. */
class FaultToleranceTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  @Test
  void startingFromASavepointIsRefusedNamingTheProgramAndTheAlternatives() {
    StreamBuilder b = StreamProgram.builder("resume");
    b.source(Sources.of(1)).sink(Sinks.collect("out"));

    assertThatThrownBy(() -> runtime.start(b.build(), StreamOptions.defaults().fromSavepoint("/sp/savepoint-1")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("stream program 'resume': the in-process runtime keeps no state between jobs and cannot start"
            + " from savepoint /sp/savepoint-1; start it without StreamOptions.fromSavepoint, or on Flink");
  }

  @Test
  void stoppingWithASavepointIsRefusedAndTheJobKeepsRunning() {
    StreamBuilder b = StreamProgram.builder("endless");
    b.source(Sources.unboundedGenerator(i -> i, 100)).sink(Sinks.log("numbers"));
    StreamJob job = runtime.start(b.build());

    assertThatThrownBy(() -> job.stopWithSavepoint("/tmp/savepoints"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("stream job 'endless': the in-process runtime takes no savepoints")
        .hasMessageContaining("cancel()");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    job.cancel();
    assertThat(job.await().status()).isEqualTo(JobStatus.CANCELED);
  }

  @Test
  void partFilesAreCommittedAtEveryCheckpointIntervalOfProcessingTime(@TempDir Path dir) {
    // Given manual processing time, checkpoints every second, and records between clock advances
    Path out = dir.resolve("out");
    StreamBuilder b = StreamProgram.builder("ticks");
    b.source(new Source.Scripted<>(List.of(
            new Source.ScriptStep.Element<>("a", 0L),
            new Source.ScriptStep.Element<>("b", 0L),
            new Source.ScriptStep.AdvanceProcessingTime<>(1_000),
            new Source.ScriptStep.Element<>("c", 0L),
            new Source.ScriptStep.AdvanceProcessingTime<>(500),
            new Source.ScriptStep.Element<>("d", 0L))))
        .sink(Sinks.textFiles(out));

    // When it runs to its end
    runtime.start(b.build(), StreamOptions.defaults().withManualProcessingTime(0)
        .withCheckpointing(Checkpointing.every(Duration.ofSeconds(1)))).await().orThrow();

    // Then a and b were committed at 1 s; c not yet at 1.5 s, but with d at the end of input
    assertThat(PartFiles.list(out)).extracting(file -> readLines(file)).containsExactly(
        List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void aCancelledJobLeavesOnlyCommittedPartFiles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    StreamBuilder b = StreamProgram.builder("cancelled");
    b.source(Sources.unboundedGenerator(i -> i, 1_000)).sink(Sinks.textFiles(out));
    StreamJob job = runtime.start(b.build(), StreamOptions.defaults()
        .withCheckpointing(Checkpointing.every(Duration.ofMinutes(10))));
    awaitInProgressFile(out);

    job.cancel();
    job.await();

    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aRestartedJobCollectsOnlyItsLastAttemptsRecords(@TempDir Path dir) {
    String marker = dir.resolve("failed").toString();
    StreamBuilder b = StreamProgram.builder("again");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.sequence(1, 5))
        .map(n -> {
          if (n == 3 && createdNow(marker)) {
            throw new IllegalStateException("once");
          }
          return n;
        })
        .sink(out);

    StreamResult result = runtime.start(b.build(), StreamOptions.defaults()
        .withRestartStrategy(RestartStrategy.exponentialDelay(2, Duration.ofMillis(1), Duration.ofMillis(5))))
        .await().orThrow();

    assertThat(result.collected(out)).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void cancellingBetweenAttemptsEndsTheJobCancelled() {
    StreamBuilder b = StreamProgram.builder("waiting");
    b.source(Sources.of(1)).map(n -> {
      throw new IllegalStateException("fails");
    }).sink(Sinks.collect("out"));
    StreamJob job = runtime.start(b.build(), StreamOptions.defaults()
        .withRestartStrategy(RestartStrategy.fixedDelay(1, Duration.ofMinutes(10))));

    job.cancel();

    assertThat(job.await(Duration.ofSeconds(15))).get().extracting(StreamResult::status)
        .isEqualTo(JobStatus.CANCELED);
  }

  /** Creates {@code file}; whether it did not exist before. */
  private static boolean createdNow(String file) {
    try {
      return new java.io.File(file).createNewFile();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitInProgressFile(Path dir) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          if (files.anyMatch(f -> f.getFileName().toString().endsWith(".inprogress"))) {
            return;
          }
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    throw new AssertionError("no in-progress part file within 30 s");
  }
}
