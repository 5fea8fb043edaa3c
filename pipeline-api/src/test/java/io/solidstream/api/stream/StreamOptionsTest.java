package io.solidstream.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpointing, restart strategy and savepoint options: defaults, copies, validation. */
class StreamOptionsTest {

  private static StreamProgram program(boolean bounded) {
    StreamBuilder b = StreamProgram.builder(bounded ? "bounded" : "unbounded");
    (bounded ? b.source(Sources.sequence(1, 3)) : b.source(Sources.unboundedGenerator(i -> i, 10)))
        .sink(Sinks.collect("out"));
    return b.build();
  }

  @Test
  void byDefaultOnlyUnboundedProgramsCheckpointEveryTenSecondsExactlyOnceAndNothingRestarts() {
    StreamOptions defaults = StreamOptions.defaults();

    assertThat(defaults.checkpointing().appliesTo(program(false))).isTrue();
    assertThat(defaults.checkpointing().appliesTo(program(true))).isFalse();
    assertThat(defaults.checkpointing().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.checkpointing().mode()).isEqualTo(Checkpointing.Mode.EXACTLY_ONCE);
    assertThat(defaults.restartStrategy()).isEqualTo(RestartStrategy.none());
    assertThat(defaults.checkpointDirectory()).isEmpty();
    assertThat(defaults.savepoint()).isEmpty();
  }

  @Test
  void everyCheckpointsBoundedProgramsTooAndDisabledNone() {
    assertThat(Checkpointing.every(Duration.ofSeconds(1)).appliesTo(program(true))).isTrue();
    assertThat(Checkpointing.disabled().appliesTo(program(false))).isFalse();
    assertThat(Checkpointing.every(Duration.ofSeconds(1)).withMode(Checkpointing.Mode.AT_LEAST_ONCE).mode())
        .isEqualTo(Checkpointing.Mode.AT_LEAST_ONCE);
  }

  @Test
  void withCopiesLeaveTheOriginalUnchangedAndCompareByValue() {
    StreamOptions base = StreamOptions.defaults().withParallelism(2);
    StreamOptions resumed = base
        .withCheckpointing(Checkpointing.every(Duration.ofMillis(500)))
        .withRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofSeconds(1)))
        .withCheckpointDirectory("file:///shared/checkpoints")
        .fromSavepoint("file:/shared/savepoints/savepoint-1", true);

    assertThat(base.savepoint()).isEmpty();
    assertThat(resumed.parallelism()).isEqualTo(2);
    assertThat(resumed.savepoint()).contains(new SavepointRestore("file:/shared/savepoints/savepoint-1", true));
    assertThat(resumed.checkpointDirectory()).contains("file:///shared/checkpoints");
    assertThat(resumed.withoutSavepoint().savepoint()).isEmpty();
    assertThat(resumed).isEqualTo(base.withCheckpointing(Checkpointing.every(Duration.ofMillis(500)))
        .withRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofSeconds(1)))
        .withCheckpointDirectory("file:///shared/checkpoints")
        .fromSavepoint("file:/shared/savepoints/savepoint-1", true));
    SerializationCheck.checkSerializable(resumed, "options");
  }

  @Test
  void aLocalCheckpointDirectoryBecomesAFileUri(@TempDir Path dir) {
    assertThat(StreamOptions.defaults().withCheckpointDirectory(dir).checkpointDirectory())
        .contains(dir.toUri().toString());
  }

  @Test
  void badValuesAreRefusedWithTheValueAndTheFix() {
    assertThatThrownBy(() -> Checkpointing.every(Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint interval must be at least 10 ms, was 5 ms; use Checkpointing.disabled() to turn"
            + " checkpoints off");
    assertThatThrownBy(() -> RestartStrategy.fixedDelay(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixed-delay restart attempts must be at least 1, was 0")
        .hasMessageContaining("RestartStrategy.none()");
    assertThatThrownBy(() -> RestartStrategy.fixedDelay(1, Duration.ofSeconds(-1)))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> RestartStrategy.exponentialDelay(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("max backoff PT1S is shorter than the initial backoff PT2S");
    assertThatThrownBy(() -> StreamOptions.defaults().fromSavepoint(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("savepoint path must not be blank");
    assertThatThrownBy(() -> StreamOptions.defaults().withCheckpointDirectory(""))
        .hasMessageContaining("checkpoint directory must not be blank");
  }

  @Test
  void exponentialDelayDoublesUpToItsMaximum() {
    RestartStrategy strategy = RestartStrategy.exponentialDelay(5, Duration.ofMillis(100), Duration.ofMillis(350));

    assertThat(strategy.attempts()).isEqualTo(5);
    assertThat(strategy.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(strategy.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(strategy.delayBefore(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(RestartStrategy.fixedDelay(2, Duration.ofSeconds(1)).delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void partFilesReadsOnlyCommittedFilesInWriterAndCounterOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("part-b-0"), "b0\n");
    Files.writeString(dir.resolve("part-a-10"), "a10\n");
    Files.writeString(dir.resolve("part-a-2"), "a2\n");
    Files.writeString(dir.resolve(".part-a-11.inprogress.123"), "pending\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");

    assertThat(PartFiles.readLines(dir)).containsExactly("a2", "a10", "b0");
    assertThat(PartFiles.readLines(dir.resolve("missing"))).isEmpty();
  }
}
