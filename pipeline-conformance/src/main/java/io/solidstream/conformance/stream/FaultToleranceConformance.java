package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart strategies, as every runtime honours them: a failed bounded job runs again and its
 * part files hold every record once; when the attempts are used up the job fails with the last
 * failure. (Checkpoints and savepoints differ by design between runtimes: see the runtimes' own
 * tests.)
 */
public abstract class FaultToleranceConformance extends StreamConformance {

  @Test
  void aBoundedJobFailingOnceIsRestartedAndItsPartFilesHoldEveryRecordOnce(@TempDir Path dir) {
    // Given a map that fails once, at record 50 (a marker file remembers the failure across attempts)
    Path out = dir.resolve("out");
    String marker = dir.resolve("failed-once").toString();
    StreamBuilder b = StreamProgram.builder("restarted");
    b.source(Sources.generator(100, i -> i))
        .map(n -> {
          if (n == 50 && !Files.exists(Path.of(marker))) {
            touch(marker);
            throw new IllegalStateException("failing once at 50");
          }
          return n;
        })
        .sink(Sinks.textFiles(out));

    // When it runs with one restart allowed
    StreamResult result = execute(b.build(),
        StreamOptions.defaults().withRestartStrategy(RestartStrategy.fixedDelay(1, Duration.ofMillis(10))));

    // Then it finished, and every record was committed exactly once
    assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(marker)).exists();
    assertThat(PartFiles.readLines(out).stream().map(Long::parseLong).sorted().toList())
        .isEqualTo(LongStream.range(0, 100).boxed().toList());
  }

  @Test
  void whenTheRestartsAreUsedUpTheJobFailsWithTheLastFailureNamingTheOperator(@TempDir Path dir) throws IOException {
    // Given a map that always fails, and records each attempt as a file
    String attempts = dir.toString();
    StreamBuilder b = StreamProgram.builder("hopeless");
    b.source(Sources.generator(10, i -> i))
        .map(n -> {
          if (n == 0) {
            touch(Path.of(attempts).resolve("attempt-" + java.util.UUID.randomUUID()).toString());
          }
          throw new IllegalStateException("always failing");
        })
        .sink(Sinks.textFiles(dir.resolve("out")));

    // When it runs with two restarts allowed
    StreamResult result = execute(b.build(),
        StreamOptions.defaults().withRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ZERO)));

    // Then it ran three times and failed with the user's exception, naming the operator
    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure()).get().isInstanceOf(UserCodeException.class)
        .extracting(Throwable::getMessage).asString().contains("hopeless/map", "always failing");
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("attempt-"))).hasSize(3);
    }
    assertThat(PartFiles.readLines(dir.resolve("out"))).isEmpty();
  }

  private static void touch(String file) {
    try {
      Files.createFile(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
