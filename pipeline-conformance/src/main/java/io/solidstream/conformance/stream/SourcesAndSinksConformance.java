package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File sources and sinks (single files and committed part files), log sinks. */
public abstract class SourcesAndSinksConformance extends StreamConformance {

  @Test
  void textFileSourceReadsEveryLineInOrder(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.txt");
    Files.writeString(in, "alpha\nbeta\ngamma\n");
    StreamBuilder b = StreamProgram.builder("text");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.textFile(in)).map(line -> line + "=" + line.length()).sink(out);

    assertThat(execute(b.build()).orThrow().collected(out)).containsExactly("alpha=5", "beta=4", "gamma=5");
  }

  @Test
  void logSinkLogsEveryRecord() {
    StreamBuilder b = StreamProgram.builder("log");
    b.source(Sources.sequence(1, 3)).sink(Sinks.log("numbers"));

    StreamResult result = execute(b.build()).orThrow();

    assertThat(result.metrics("log/sink").recordsIn()).isEqualTo(3);
  }

  @Test
  void textFileSinkWritesOneLinePerRecord(@TempDir Path dir) {
    Path out = dir.resolve("nested/deeper/out.txt");
    StreamBuilder b = StreamProgram.builder("text_sink");
    b.source(Sources.of("alpha", "beta")).map(String::length).sink(Sinks.textFile(out, n -> "len=" + n));

    Optional<StreamResult> result = executeIf(Feature.FILE_SINKS, b.build(), StreamOptions.defaults(),
        "text_sink/sink", "SinkNode");

    result.ifPresent(r -> {
      r.orThrow();
      assertThat(lines(out)).containsExactly("len=5", "len=4");
    });
  }

  /** A JSON-mapped record (serializable, as records in an in-memory source must be for a cluster). */
  public record Reading(String sensor, double value) implements java.io.Serializable {}

  @Test
  void jsonLinesSinkWritesOneDocumentPerLine(@TempDir Path dir) {
    Path out = dir.resolve("readings.jsonl");
    StreamBuilder b = StreamProgram.builder("json_sink");
    b.source(Sources.of(new Reading("s1", 1.5))).sink(Sinks.jsonLines(out));

    Optional<StreamResult> result = executeIf(Feature.FILE_SINKS, b.build(), StreamOptions.defaults(),
        "json_sink/sink", "SinkNode");

    result.ifPresent(r -> {
      r.orThrow();
      assertThat(lines(out)).containsExactly("{\"sensor\":\"s1\",\"value\":1.5}");
    });
  }

  @Test
  void textPartFilesOfABoundedProgramAreCommittedWhenItsInputEnds(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("parts");
    StreamBuilder b = StreamProgram.builder("text_parts");
    b.source(Sources.of("alpha", "beta", "gamma")).map(String::length).sink(Sinks.textFiles(out, n -> "len=" + n));

    execute(b.build()).orThrow();

    assertThat(PartFiles.list(out)).hasSize(1);
    assertThat(PartFiles.readLines(out)).containsExactly("len=5", "len=4", "len=5");
    assertThat(hiddenFiles(out)).isEmpty();
  }

  @Test
  void jsonLinesPartFilesHoldOneDocumentPerLine(@TempDir Path dir) {
    Path out = dir.resolve("readings");
    StreamBuilder b = StreamProgram.builder("json_parts");
    b.source(Sources.of(new Reading("s1", 1.5), new Reading("s2", -2.0))).sink(Sinks.jsonLinesFiles(out));

    execute(b.build()).orThrow();

    assertThat(PartFiles.readLines(out))
        .containsExactly("{\"sensor\":\"s1\",\"value\":1.5}", "{\"sensor\":\"s2\",\"value\":-2.0}");
  }

  @Test
  void anUnboundedProgramCommitsPartFilesAtEveryCheckpointWithoutGapsOrRepeats(@TempDir Path dir)
      throws InterruptedException {
    // Given an endless, rate-limited sequence written to part files, checkpointing every 100 ms
    Path out = dir.resolve("numbers");
    StreamBuilder b = StreamProgram.builder("endless_parts");
    b.source(Sources.unboundedGenerator(i -> i, 500)).sink(Sinks.textFiles(out));
    StreamJob job = runtime().start(b.build(),
        StreamOptions.defaults().withCheckpointing(Checkpointing.every(Duration.ofMillis(100))));

    // When several checkpoints have committed files, and the job is cancelled
    awaitCondition(() -> PartFiles.list(out).size() >= 3);
    job.cancel();
    assertThat(job.await(Duration.ofSeconds(60))).get().extracting(StreamResult::status).isEqualTo(JobStatus.CANCELED);

    // Then the committed files hold 0, 1, 2, ... in order: nothing lost between files, nothing twice
    List<Long> committed = PartFiles.readLines(out).stream().map(Long::parseLong).toList();
    assertThat(committed).isNotEmpty().isEqualTo(LongStream.range(0, committed.size()).boxed().toList());
  }

  @Test
  void csvSourceHandlesQuotesAndSkipsTheHeader(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("people.csv");
    Files.writeString(in, "name,city\r\nAnn,\"Paris, France\"\r\n\n\"Bob \"\"B\"\"\",\"Os\nlo\"\n");
    StreamBuilder b = StreamProgram.builder("csv");
    Sink.Collect<String> out = Sinks.collect("out");
    b.source(Sources.csv(in, row -> String.join("|", row))).sink(out);

    Optional<StreamResult> result = executeIf(Feature.STRUCTURED_FILE_SOURCES, b.build(), StreamOptions.defaults(),
        "csv/source", "SourceNode");

    result.ifPresent(r -> assertThat(r.orThrow().collected(out)).containsExactly("Ann|Paris, France", "Bob \"B\"|Os\nlo"));
  }

  @Test
  void jsonLinesSourceReadsOneRecordPerLine(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("readings.jsonl");
    Files.writeString(in, "{\"sensor\":\"s1\",\"value\":1.5}\n{\"sensor\":\"s2\",\"value\":-2.0}\n");
    StreamBuilder b = StreamProgram.builder("json");
    Sink.Collect<Reading> out = Sinks.collect("out");
    b.source(Sources.jsonLines(in, Reading.class)).sink(out);

    Optional<StreamResult> result = executeIf(Feature.STRUCTURED_FILE_SOURCES, b.build(), StreamOptions.defaults(),
        "json/source", "SourceNode");

    result.ifPresent(r -> assertThat(r.orThrow().collected(out))
        .containsExactly(new Reading("s1", 1.5), new Reading("s2", -2.0)));
  }

  /** Files still being written (or left by a failed attempt): readers of part files skip them. */
  static List<Path> hiddenFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().startsWith(".")).toList();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
