package io.solidstream.benchmarks.instance;

import io.solidstream.api.event.RunEvent;
import io.solidstream.instance.EventPage;
import io.solidstream.instance.StorageConfig;
import io.solidstream.instance.jdbc.JdbcStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code event-store}: how many run events per second an instance's storage stores, in batches as
 * the instance's event writer does (JSON encoding and one transaction per batch included). Prints
 * one {@code RESULT} line per backend; checks afterwards that every event was stored.
 *
 * <p>SQLite writes a database in a temporary directory; PostgreSQL is an embedded server started by
 * the command on 127.0.0.1 from the binaries in the jar (server start not timed).
 */
@Command(
    name = "event-store",
    mixinStandardHelpOptions = true,
    description = "Stores run events in batches into SQLite and PostgreSQL and prints events per second.")
public final class EventStoreCommand implements Callable<Integer> {

  @Option(names = "--events", description = "events to store per backend (default: ${DEFAULT-VALUE})")
  int events = 500_000;

  @Option(names = "--batch", description = "events per transaction (default: ${DEFAULT-VALUE})")
  int batch = 1_000;

  @Option(names = "--events-per-run", description = "events of one run (default: ${DEFAULT-VALUE})")
  int eventsPerRun = 1_000;

  @Option(names = "--backends", split = ",", description = "sqlite, postgres (default: ${DEFAULT-VALUE})")
  List<String> backends = List.of("sqlite", "postgres");

  private final PrintStream out;
  private final PrintStream err;

  EventStoreCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command with {@code args}; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new EventStoreCommand(System.out, System.err)).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (events <= 0 || batch <= 0 || eventsPerRun <= 0) {
      err.println("--events, --batch and --events-per-run must be positive");
      return 2;
    }
    int exit = 0;
    for (String backend : backends) {
      switch (backend.trim()) {
        case "sqlite" -> {
          Path dir = Files.createTempDirectory("solidstream-event-store");
          exit |= measure("sqlite", new StorageConfig.Sqlite(dir.resolve("bench.db"), Duration.ofSeconds(30)));
        }
        case "postgres" -> {
          try (EmbeddedPostgres server = EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start()) {
            exit |= measure("postgres", new StorageConfig.Postgres("127.0.0.1", server.getPort(), "postgres",
                "postgres", null, "bench"));
          }
        }
        default -> {
          err.println("Unknown backend '" + backend + "'; backends: sqlite, postgres");
          return 2;
        }
      }
    }
    return exit;
  }

  private int measure(String name, StorageConfig config) throws IOException {
    try (JdbcStorage storage = JdbcStorage.open(config)) {
      store(storage, "warmup", Math.max(batch, events / 10));
      long start = System.nanoTime();
      List<String> runs = store(storage, "run", events);
      double seconds = (System.nanoTime() - start) / 1e9;
      long stored = 0;
      for (String run : runs) {
        stored += storage.eventCount(run);
      }
      out.printf(Locale.ROOT, "RESULT backend=%s events=%d batch=%d seconds=%.3f events_per_s=%.0f%n",
          name, events, batch, seconds, events / seconds);
      if (stored != events) {
        err.println("LOST EVENTS on " + name + ": stored " + stored + " of " + events);
        return 1;
      }
      EventPage first = storage.events(runs.get(0), EventPage.START, 1);
      if (first.events().isEmpty() || !(first.events().get(0) instanceof RunEvent.RunStarted)) {
        err.println("Unexpected first event on " + name + ": " + first.events());
        return 1;
      }
      return 0;
    }
  }

  /** Stores {@code count} events of runs of {@link #eventsPerRun} events, in batches; returns the run ids. */
  private List<String> store(JdbcStorage storage, String prefix, int count) {
    List<String> runs = new ArrayList<>();
    List<RunEvent> pending = new ArrayList<>(batch);
    Instant t = Instant.now();
    for (int i = 0; i < count; i++) {
      int inRun = i % eventsPerRun;
      if (inRun == 0) {
        runs.add(prefix + "-" + runs.size());
      }
      String runId = runs.get(runs.size() - 1);
      String step = "step_" + (inRun / 10);
      t = t.plusNanos(1_000);
      pending.add(switch (inRun == 0 ? -1 : inRun % 10) {
        case -1 -> new RunEvent.RunStarted(runId, t, "bench", java.util.Map.of("team", "bench"));
        case 0 -> new RunEvent.StepStarted(runId, t, step, step, 1);
        case 9 -> new RunEvent.StepSucceeded(runId, t, step, step, Duration.ofMillis(3), 1);
        case 8 -> new RunEvent.StepOutput(runId, t, step, step, "result", null, "Integer", "42");
        default -> new RunEvent.LogMessage(runId, t, step, step, "INFO", "processed record " + i + " of " + step);
      });
      if (pending.size() == batch) {
        storage.storeEvents(pending);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      storage.storeEvents(pending);
    }
    return runs;
  }
}
