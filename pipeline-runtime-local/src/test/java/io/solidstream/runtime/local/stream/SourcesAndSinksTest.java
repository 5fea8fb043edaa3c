package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesAndSinksTest {
  private final LocalStreamRuntime runtime = LocalStreamRuntime.create();

  /** A JSON-lines record. */
  public record Reading(String sensor, double value) {}

  @Test
  void csvSourceHandlesQuotesAndSkipsTheHeader(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("people.csv");
    Files.writeString(in, "name,city,note\r\n"
        + "Ann,\"Paris, France\",plain\r\n"
        + "\"Bob \"\"B\"\" Smith\",Oslo,\"two\nlines\"\n"
        + "\n"
        + "Cy,,\"\"\n");
    StreamBuilder b = StreamProgram.builder("csv");
    Sink.Collect<List<String>> out = Sinks.collect("out");
    b.source(Sources.csv(in, row -> row)).sink(out);

    assertThat(runtime.execute(b.build()).orThrow().collected(out)).containsExactly(
        List.of("Ann", "Paris, France", "plain"),
        List.of("Bob \"B\" Smith", "Oslo", "two\nlines"),
        List.of("Cy", "", ""));
  }

  @Test
  void jsonLinesRoundTrip(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("readings.jsonl");
    Files.writeString(in, "{\"sensor\":\"s1\",\"value\":1.5}\n\n{\"sensor\":\"s2\",\"value\":-2.0}\n");
    Path out = dir.resolve("out/readings.jsonl");
    StreamBuilder b = StreamProgram.builder("json");
    Sink.Collect<Reading> collected = Sinks.collect("collected");
    DataStream<Reading> readings = b.source(Sources.jsonLines(in, Reading.class));
    readings.sink(collected);
    readings.map(r -> new Reading(r.sensor().toUpperCase(), r.value() * 2)).sink(Sinks.jsonLines(out));

    StreamResult result = runtime.execute(b.build()).orThrow();

    assertThat(result.collected(collected)).containsExactly(new Reading("s1", 1.5), new Reading("s2", -2.0));
    assertThat(Files.readAllLines(out)).containsExactly("{\"sensor\":\"S1\",\"value\":3.0}",
        "{\"sensor\":\"S2\",\"value\":-4.0}");
  }

  @Test
  void aBadJsonLineFailsTheJobNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"sensor\":\"s1\",\"value\":1.5}\n{\"sensor\": oops}\n");
    StreamBuilder b = StreamProgram.builder("bad_json");
    b.source(Sources.jsonLines(in, Reading.class)).sink(Sinks.collect("out"));

    StreamResult result = runtime.execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).isInstanceOf(StreamSourceException.class)
        .hasMessageStartingWith("Cannot read " + in + ", line 2: not a JSON Reading");
    assertThat(((StreamSourceException) result.failure().get()).line()).isEqualTo(2);
  }

  @Test
  void aMissingFileFailsTheJobNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");
    StreamBuilder b = StreamProgram.builder("missing");
    b.source(Sources.textFile(missing)).sink(Sinks.collect("out"));

    StreamResult result = runtime.execute(b.build());

    assertThat(result.status()).isEqualTo(JobStatus.FAILED);
    assertThat(result.failure().get()).hasMessageContaining(missing.toString());
  }

  @Test
  void unboundedGeneratorRunsUntilCancelledWithPartialResults() throws InterruptedException {
    StreamBuilder b = StreamProgram.builder("endless");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(Sources.unboundedGenerator(i -> i, 0)).filter(i -> i % 10 == 0).sink(out);
    StreamJob job = runtime.start(b.build());

    awaitCondition(() -> job.metrics().get("endless/sink").recordsIn() >= 100);
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    job.cancel();
    StreamResult result = job.await();

    assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(result.collected(out)).hasSizeGreaterThanOrEqualTo(100);
    assertThat(result.collected(out).subList(0, 3)).containsExactly(0L, 10L, 20L);
    assertThat(result.metrics("endless/sink").recordsIn()).isEqualTo(result.collected(out).size());
  }

  @Test
  void rateLimitedGeneratorPacesItsRecords() {
    StreamBuilder b = StreamProgram.builder("paced");
    Sink.Collect<Long> out = Sinks.collect("out");
    b.source(new io.solidstream.api.stream.io.Source.Generator<>(i -> i, 10, 100)).sink(out);

    long start = System.nanoTime();
    StreamResult result = runtime.execute(b.build()).orThrow();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.collected(out)).hasSize(10);
    assertThat(millis).isGreaterThanOrEqualTo(80);
  }

  @Test
  void anIdleSourceDoesNotHoldBackTheWatermark() throws InterruptedException {
    StreamBuilder b = StreamProgram.builder("idle");
    Sink.Collect<Long> out = Sinks.collect("out");
    DataStream<Long> busy = b.source(Sources.sequence(0, 999),
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n));
    DataStream<Long> quiet = b.source(Sources.unboundedGenerator(i -> 0L, 0.1),
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n)
            .withIdleness(Duration.ofMillis(50)));
    busy.union(quiet)
        .windowAll(WindowSpec.tumbling(Duration.ofMillis(100)))
        .aggregate(Aggregators.count())
        .sink(out);
    StreamJob job = runtime.start(b.build());

    // the quiet source emitted one record at 0, then nothing: once idle, the busy source's final
    // watermark fires every window
    awaitCondition(() -> job.metrics().get("idle/sink").recordsIn() >= 10);
    job.cancel();
    StreamResult result = job.await();

    assertThat(result.collected(out)).containsExactly(101L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L);
  }

  static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
