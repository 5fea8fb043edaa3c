package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Checkpointing;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file source (one split, read by one reader, {@code FileRowsSource}) restarted by a restart strategy: before its first
 * checkpoint it reads the file again from the start, after one it resumes from the checkpointed
 * line; either way the part-file sink holds every line once.
 */
class FileSourceRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void aFailureBeforeTheFirstCheckpointRereadsTheFileFromItsStartAndCommitsEveryLineOnce(@TempDir Path dir)
      throws IOException {
    // Given a CSV file of 500 rows, checkpoints too far apart to ever be taken, a map failing once at
    // line-7, and one restart attempt (the one failure must not cost a second, e.g. by the source's
    // enumerator failing over the job while it gives the split back)
    Path input = csv(dir, 500);
    Path out = dir.resolve("out");
    String marker = dir.resolve("failed-once").toString();
    StreamBuilder b = StreamProgram.builder("reread");
    b.source(Sources.csv(input, row -> row.get(0)))
        .map(line -> {
          if (line.equals("line-7")) {
            failOnce(marker, line);
          }
          return line;
        })
        .sink(Sinks.textFiles(out));
    StreamOptions options = StreamOptions.defaults()
        .withCheckpointing(Checkpointing.every(Duration.ofHours(1)))
        .withRestartStrategy(RestartStrategy.fixedDelay(1, Duration.ofMillis(100)));

    // When it runs to its end
    StreamResult result = FlinkTestRuntime.RUNTIME.start(b.build(), options).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not finish within " + WAIT));

    // Then the second attempt read the file from its start, and every line was committed once
    assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(marker)).exists();
    assertThat(PartFiles.readLines(out)).containsExactlyInAnyOrderElementsOf(lines(500));
  }

  @Test
  void aFailureAfterACheckpointResumesTheFileFromTheCheckpointedLineAndCommitsEveryLineOnce(@TempDir Path dir)
      throws IOException {
    // Given a CSV file of 1 000 rows mapped at most one per 3 ms, checkpoints every 100 ms, and a map
    // that fails once as soon as a checkpoint has committed a part file
    Path input = csv(dir, 1_000);
    Path out = dir.resolve("out");
    String outDir = out.toString();
    String marker = dir.resolve("failed-once").toString();
    StreamBuilder b = StreamProgram.builder("resume");
    b.source(Sources.csv(input, row -> row.get(0)))
        .map(line -> {
          throttle();
          if (!Files.exists(Path.of(marker)) && !PartFiles.list(Path.of(outDir)).isEmpty()) {
            failOnce(marker, line);
          }
          return line;
        })
        .sink(Sinks.textFiles(out));
    StreamOptions options = StreamOptions.defaults()
        .withCheckpointing(Checkpointing.every(Duration.ofMillis(100)))
        .withRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofMillis(100)));

    // When it runs to its end
    StreamResult result = FlinkTestRuntime.RUNTIME.start(b.build(), options).await(WAIT)
        .orElseThrow(() -> new AssertionError("the job did not finish within " + WAIT));

    // Then it failed once mid-file and still committed every line exactly once
    assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
    assertThat(Path.of(marker)).exists();
    assertThat(PartFiles.list(out)).hasSizeGreaterThan(1);
    assertThat(PartFiles.readLines(out)).containsExactlyInAnyOrderElementsOf(lines(1_000));
  }

  /** A CSV file with a header row and the rows line-0, line-1, ... */
  private static Path csv(Path dir, int rows) throws IOException {
    List<String> file = new ArrayList<>(List.of("line"));
    file.addAll(lines(rows));
    return Files.write(dir.resolve("in.csv"), file);
  }

  private static List<String> lines(int count) {
    return IntStream.range(0, count).mapToObj(i -> "line-" + i).toList();
  }

  private static void failOnce(String marker, String line) {
    try {
      Files.createFile(Path.of(marker));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("failing once at " + line);
  }

  /** Slows the map down so that checkpoints complete while the file is read. */
  private static void throttle() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
