package io.solidstream.runtime.flink.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.stream.Checkpointing;
import io.solidstream.api.stream.JobStatus;
import io.solidstream.api.stream.RestartStrategy;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamJob;
import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.PartFiles;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance tested for real: a checkpointed job on the standalone cluster loses its
 * TaskManager process (killed like a crash) mid-job, a new TaskManager takes over, and the
 * exactly-once part-file sinks hold every record once and every keyed running count without a gap
 * or a repeat.
 *
 * <p>Runs on the cluster shared by the remote test classes ({@link RemoteTestCluster}); it leaves it
 * as it found it: one live TaskManager with all its slots (also when it fails).
 */
class TaskManagerFailoverTest {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  private static final int RECORDS = 4_000;
  private static final double PER_SECOND = 200;
  private static final int CSV_ROWS = 1_000;
  private static final int KEYS = 5;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A generated record: its sequence number, its key, and a count of 1 to add up per key. */
  public record Reading(long seq, String key, long count) implements Serializable {}

  @Test
  void aKilledTaskManagerIsReplacedAndTheJobResumesFromItsCheckpointWithEveryRecordAndCountCommittedOnce(
      @TempDir Path dir) {
    // Given a job reading 4 000 records at 200 per second and 1 000 rows of a CSV file (read at
    // once, so that source has ended by the kill), checkpointing every 300 ms (exactly-once), with a
    // fixed-delay restart strategy, writing every record and a running count per key to part files
    // on the filesystem the cluster's processes share
    Path csv = csvFile(dir);
    Path records = dir.resolve("records");
    Path counts = dir.resolve("counts");
    Path checkpoints = dir.resolve("checkpoints");
    StreamOptions options = StreamOptions.defaults()
        .withCheckpointing(Checkpointing.every(Duration.ofMillis(300)))
        .withCheckpointDirectory(checkpoints)
        .withRestartStrategy(RestartStrategy.fixedDelay(20, Duration.ofMillis(500)));
    int victim = liveTaskManager();
    StreamJob job = RemoteTestCluster.runtime().start(program(csv, records, counts), options);
    try {
      String jobId = awaitValue("the job 'tm_failover' listed as RUNNING by the JobManager", () -> runningJobId("tm_failover"));
      awaitValue("a completed checkpoint and a committed part file", () ->
          completedCheckpoints(jobId) >= 1 && !PartFiles.list(records).isEmpty() && !PartFiles.list(counts).isEmpty()
              ? true : null);
      int committedBeforeKill = PartFiles.readLines(records).size();

      // When its TaskManager process is killed mid-job and a new one is started
      assertThat(job.status()).as("the job is still running when its TaskManager is killed").isEqualTo(JobStatus.RUNNING);
      CLUSTER.killTaskManager(victim);
      CLUSTER.awaitSlots(0);
      int replacement = CLUSTER.startTaskManager();
      CLUSTER.awaitSlots(CLUSTER.slotsPerTaskManager());
      StreamResult result = job.await(WAIT)
          .orElseThrow(() -> new AssertionError("the job did not finish within " + WAIT + " after the TaskManager"
              + " was replaced; status " + job.status()));

      // Then the job restarted from a checkpoint on the new TaskManager and finished ...
      assertThat(result.status()).as("%s", result.failure()).isEqualTo(JobStatus.FINISHED);
      assertThat(committedBeforeKill).as("records committed before the kill").isBetween(1, RECORDS + CSV_ROWS - 1);
      assertThat(CLUSTER.isTaskManagerAlive(replacement)).isTrue();
      JsonNode checkpointStats = rest("/jobs/" + jobId + "/checkpoints");
      assertThat(checkpointStats.path("latest").path("restored").path("id").asLong(-1))
          .as("the checkpoint the job was restored from (REST /jobs/%s/checkpoints: %s)", jobId, checkpointStats)
          .isPositive();
      assertThat(rest("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size())
          .as("failures in the job's exception history").isPositive();

      // ... with every record committed exactly once
      assertThat(PartFiles.readLines(records).stream().map(Long::parseLong).sorted().toList())
          .isEqualTo(LongStream.range(0, RECORDS + CSV_ROWS).boxed().toList());

      // ... and, per key, the running counts 1, 2, ..., n once each, n being the key's number of records
      Map<String, Long> expected = LongStream.range(0, RECORDS + CSV_ROWS).mapToObj(TaskManagerFailoverTest::keyOf)
          .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
      Map<String, List<Long>> actual = countsByKey(PartFiles.readLines(counts));
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((key, n) -> assertThat(actual.get(key)).as("running counts of %s", key)
          .isEqualTo(LongStream.rangeClosed(1, n).boxed().toList()));
    } finally {
      job.cancel();
      ensureALiveTaskManager();
    }
  }

  /**
   * Records 0..RECORDS-1 (generated) and RECORDS.. (CSV rows) as lines of part files, and a running
   * count per key as "key=count" lines.
   */
  private static StreamProgram program(Path csv, Path records, Path counts) {
    StreamBuilder b = StreamProgram.builder("tm_failover");
    var readings = b.source(Sources.generator(RECORDS, PER_SECOND, seq -> new Reading(seq, keyOf(seq), 1)))
        .union(b.source(Sources.csv(csv, row -> {
          long seq = Long.parseLong(row.get(0));
          return new Reading(seq, keyOf(seq), 1);
        })));
    readings.map(r -> Long.toString(r.seq())).sink(Sinks.textFiles(records));
    readings.keyBy(Reading::key)
        .reduce((sum, r) -> new Reading(r.seq(), sum.key(), sum.count() + r.count()))
        .sink(Sinks.textFiles(counts, r -> r.key() + "=" + r.count()));
    return b.build();
  }

  /** A CSV file with the sequence numbers RECORDS..RECORDS+CSV_ROWS-1 under a header. */
  private static Path csvFile(Path dir) {
    List<String> lines = new ArrayList<>(List.of("seq"));
    LongStream.range(RECORDS, RECORDS + CSV_ROWS).forEach(seq -> lines.add(Long.toString(seq)));
    try {
      return Files.write(dir.resolve("readings.csv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String keyOf(long seq) {
    return "k" + (seq % KEYS);
  }

  private static Map<String, List<Long>> countsByKey(List<String> lines) {
    Map<String, List<Long>> counts = new TreeMap<>();
    for (String line : lines) {
      String[] parts = line.split("=");
      counts.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
    }
    counts.values().forEach(list -> list.sort(null));
    return counts;
  }

  // ---------------------------------------------------------------- the cluster

  private static int liveTaskManager() {
    for (int i = CLUSTER.taskManagerCount() - 1; i >= 0; i--) {
      if (CLUSTER.isTaskManagerAlive(i)) {
        return i;
      }
    }
    throw new IllegalStateException("no live TaskManager in " + CLUSTER);
  }

  /** Leaves the shared cluster with one live TaskManager and all its slots, whatever happened. */
  private static void ensureALiveTaskManager() {
    boolean alive = false;
    for (int i = 0; i < CLUSTER.taskManagerCount(); i++) {
      alive |= CLUSTER.isTaskManagerAlive(i);
    }
    if (!alive) {
      CLUSTER.awaitSlots(0);
      CLUSTER.startTaskManager();
    }
    CLUSTER.awaitSlots(CLUSTER.slotsPerTaskManager());
  }

  private static String runningJobId(String name) {
    for (JsonNode job : rest("/jobs/overview").path("jobs")) {
      if (job.path("name").asText().equals(name) && job.path("state").asText().equals("RUNNING")) {
        return job.path("jid").asText();
      }
    }
    return null;
  }

  private static long completedCheckpoints(String jobId) {
    return rest("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong(0);
  }

  private static JsonNode rest(String path) {
    URI uri = URI.create("http://" + CLUSTER.restAddress() + path);
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("HTTP " + response.statusCode() + " from " + uri + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("no answer from " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while asking " + uri, e);
    }
  }

  /** Polls until {@code value} is non-null, at most {@link #WAIT}. */
  private static <T> T awaitValue(String what, Supplier<T> value) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
