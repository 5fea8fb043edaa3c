package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a collect sink returns for a job that failed once and was restarted by its restart strategy.
 * With exactly-once checkpoints Flink's collect hands records to the caller as checkpoints complete,
 * so a restart from a checkpoint neither repeats nor loses any. (Without checkpoints it may return
 * the failed attempt's records and the new attempt's, some twice; not asserted, see the README.)
 */
class CollectAcrossRestartsTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void withExactlyOnceCheckpointsACollectSinkReturnsEveryRecordOnceAfterARestart(@TempDir Path dir) {
    // Given 1 500 records at 1 000 per second, checkpoints every 100 ms, and a map failing once at
    // record 1 000, after several checkpoints
    Sink.Collect<Long> out = Sinks.collect("out");

    // When it runs to its end
    StreamResult result = FlinkTestRuntime.RUNTIME.start(failingOnceAt(1_000, dir, out), StreamOptions.defaults()
            .withCheckpointing(Checkpointing.every(Duration.ofMillis(100)))
            .withRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ofMillis(100))))
        .await(WAIT).orElseThrow(() -> new AssertionError("the job did not finish within " + WAIT));

    // Then it failed once, and the collect sink returned every record once, in order
    assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
    assertThat(dir.resolve("failed-once")).exists();
    assertThat(result.collected(out)).containsExactlyElementsOf(LongStream.range(0, 1_500).boxed().toList());
  }

  private static StreamProgram failingOnceAt(long failAt, Path dir, Sink.Collect<Long> out) {
    String marker = dir.resolve("failed-once").toString();
    StreamBuilder b = StreamProgram.builder("collect_restart");
    b.source(Sources.generator(1_500, 1_000, i -> i))
        .map(n -> {
          if (n == failAt) {
            try {
              Files.createFile(Path.of(marker));
            } catch (FileAlreadyExistsException e) {
              return n;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("failing once at " + n);
          }
          return n;
        })
        .sink(out);
    return b.build();
  }
}
