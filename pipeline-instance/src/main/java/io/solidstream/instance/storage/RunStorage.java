package io.solidstream.instance.storage;

import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.RunPage;
import io.solidstream.instance.RunQuery;
import io.solidstream.instance.RunRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the records of an instance's runs: the storage SPI behind {@code run_storage}.
 *
 * <p>Implementations are thread-safe and may be shared by several processes (SQLite, PostgreSQL):
 * every method is atomic on its own. The status of a run is written by {@link #updateStatus}, which
 * the instance calls with the status told by the run's events; storages never derive it themselves.
 */
public interface RunStorage extends AutoCloseable {

  /**
   * Adds a new run.
   *
   * @throws IllegalArgumentException if a run with the same id exists
   */
  void addRun(RunRecord run);

  /** The run with this id, if any. */
  Optional<RunRecord> run(String runId);

  /** One page of the runs matching {@code query}, newest first. */
  RunPage runs(RunQuery query);

  /**
   * Sets the status of a run as told by an event at {@code at}: a start time for {@link
   * RunStatus#STARTED} (if none yet), an end time for a finished status. Unknown runs are ignored.
   */
  void updateStatus(String runId, RunStatus status, Instant at);

  /** Writes {@code at} as the heartbeat of the given runs; unknown runs are ignored. */
  void heartbeat(Collection<String> runIds, Instant at);

  /** The runs not finished (not started or started) whose heartbeat is older than {@code before}, oldest first. */
  List<RunRecord> staleRuns(Instant before);

  /**
   * Marks a run failed at {@code at} if it is still unfinished with a heartbeat older than {@code
   * before}: atomically, so that of several processes recovering the same run only one succeeds.
   *
   * @return whether this call marked it
   */
  boolean markFailedIfStale(String runId, Instant before, Instant at);

  /** Deletes a run's record; returns whether it existed. */
  boolean deleteRun(String runId);

  /** Releases connections; further calls fail. */
  @Override
  void close();
}
