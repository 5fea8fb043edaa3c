package io.solidstream.conformance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File sources and sinks, log sinks. */
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

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
