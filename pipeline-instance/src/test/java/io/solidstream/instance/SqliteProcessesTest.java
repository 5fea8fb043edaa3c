package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.jdbc.JdbcStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes sharing one SQLite instance: concurrent writers, and a process killed mid-run. */
class SqliteProcessesTest {

  @TempDir
  Path home;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void fourProcessesWritingOneInstanceAtOnceHitNoLockErrorAndLoseNoEvent() throws Exception {
    // Given 4 JVMs that open the same new instance at once and each run 6 pipelines of ~330 events
    for (int i = 0; i < 4; i++) {
      start("p" + i, "runs", "6", "8", "40");
    }

    // When they all finish
    Map<String, Integer> printed = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      Process process = processes.get(i);
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("process p%d finished", i).isTrue();
      String err = Files.readString(home.resolve("p" + i + ".err"));
      assertThat(process.exitValue()).as("exit code of p%d; stderr:%n%s", i, err).isZero();
      assertThat(err).doesNotContainIgnoringCase("locked").doesNotContain("SQLITE_BUSY");
      for (String line : Files.readAllLines(home.resolve("p" + i + ".out"))) {
        if (line.startsWith("RUN ")) {
          String[] parts = line.split(" ");
          assertThat(parts[3]).isEqualTo("SUCCESS");
          printed.put(parts[1], Integer.parseInt(parts[2]));
        }
      }
    }

    // Then every run and every one of its events is in the instance
    assertThat(printed).hasSize(24);
    try (Instance instance = Instance.open(home)) {
      assertThat(instance.runs(RunQuery.builder().status(RunStatus.SUCCESS).build()).runs()).hasSize(24);
      for (Map.Entry<String, Integer> run : printed.entrySet()) {
        List<RunEvent> events = instance.events(run.getKey());
        assertThat(events).as("events of run %s", run.getKey()).hasSize(run.getValue());
        assertThat(events.get(0).type()).isEqualTo(EventType.RUN_STARTED);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.RUN_SUCCEEDED);
      }
    }
  }

  @Test
  void aRunOfAKilledProcessIsMarkedFailedOnTheNextOpenKeepingItsEvents() throws Exception {
    // Given a process that heartbeats every 0.2 s, in a run blocked in its second step
    Files.writeString(home.resolve(InstanceConfig.FILE_NAME), "heartbeat: {interval_seconds: 0.2, timeout_seconds: 2}\n");
    Process child = start("child", "block", "doomed", home.resolve("never").toString());
    StorageConfig db = InstanceConfig.load(home).runStorage();
    List<RunEvent> before;
    try (JdbcStorage storage = awaitStorage(db)) {
      awaitEvent(storage, "doomed", "waiting for");
      awaitHeartbeat(storage, "doomed");
      assertThat(storage.run("doomed").orElseThrow().status()).isEqualTo(RunStatus.STARTED);

      // When the process is killed
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      before = storage.events("doomed", EventPage.START, 1000).events();
      // ... and its last heartbeat is older than the timeout
      Instant lastBeat = storage.run("doomed").orElseThrow().heartbeatAt();
      Duration wait = Duration.between(Instant.now(), lastBeat.plusSeconds(2).plusMillis(200));
      if (!wait.isNegative()) {
        Thread.sleep(wait.toMillis());
      }
      assertThat(storage.run("doomed").orElseThrow().status()).as("nothing marks a run before an open")
          .isEqualTo(RunStatus.STARTED);
    }

    // Then the next open marks it failed, saying why, and keeps its events
    try (Instance instance = Instance.open(home)) {
      RunRecord run = instance.run("doomed").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.FAILURE);
      List<RunEvent> events = instance.events("doomed");
      assertThat(events.subList(0, events.size() - 1)).isEqualTo(before);
      assertThat(before).extracting(RunEvent::type).contains(EventType.RUN_STARTED, EventType.STEP_SUCCEEDED,
          EventType.LOG_MESSAGE);
      RunEvent.RunFailed failure = (RunEvent.RunFailed) events.get(events.size() - 1);
      assertThat(failure.reason()).contains("stopped sending heartbeats at " + run.heartbeatAt())
          .contains("steps in progress: wait");
      assertThat(failure.failedSteps()).containsExactly("wait");
    }
  }

  private Process start(String name, String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", classpath, RunIntoInstance.class.getName(), home.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectOutput(home.resolve(name + ".out").toFile())
        .redirectError(home.resolve(name + ".err").toFile())
        .start();
    processes.add(process);
    return process;
  }

  private static JdbcStorage awaitStorage(StorageConfig db) throws InterruptedException {
    Path file = ((StorageConfig.Sqlite) db).file();
    long deadline = System.nanoTime() + TestPipelines.PATIENCE.toNanos();
    while (!Files.exists(file)) {
      assertThat(System.nanoTime()).as("the child creates " + file).isLessThan(deadline);
      Thread.sleep(50);
    }
    return JdbcStorage.open(db);
  }

  private static void awaitEvent(JdbcStorage storage, String runId, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TestPipelines.PATIENCE.toNanos();
    while (storage.events(runId, EventPage.START, 1000).events().stream().noneMatch(e -> e.message().contains(text))) {
      assertThat(System.nanoTime()).as("an event of run " + runId + " with '" + text + "'").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void awaitHeartbeat(JdbcStorage storage, String runId) throws InterruptedException {
    long deadline = System.nanoTime() + TestPipelines.PATIENCE.toNanos();
    while (true) {
      RunRecord run = storage.run(runId).orElseThrow();
      if (run.heartbeatAt().isAfter(run.createdAt())) {
        return;
      }
      assertThat(System.nanoTime()).as("a heartbeat of run " + runId).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
