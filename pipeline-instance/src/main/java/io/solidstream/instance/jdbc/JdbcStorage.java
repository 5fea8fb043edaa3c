package io.solidstream.instance.jdbc;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.run.RunStatus;
import io.solidstream.instance.EventPage;
import io.solidstream.instance.RunPage;
import io.solidstream.instance.RunQuery;
import io.solidstream.instance.RunRecord;
import io.solidstream.instance.StorageConfig;
import io.solidstream.instance.StorageException;
import io.solidstream.instance.StoredEvent;
import io.solidstream.instance.json.EventJson;
import io.solidstream.instance.storage.EventLogStorage;
import io.solidstream.instance.storage.RunStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs and events in an SQL database, SQLite or PostgreSQL: the persistent storages of an instance.
 *
 * <p>One connection per storage object (the instance holds one per database), used by one thread at
 * a time. Writes are transactions that take the database's write lock up front ({@code BEGIN
 * IMMEDIATE} on SQLite) and are retried with backoff while another process holds it, up to the
 * configured busy timeout; events are inserted in JDBC batches, one transaction per batch. A lost
 * PostgreSQL connection is reopened once per operation.
 *
 * <p>The schema is versioned in the table {@code solidstream_schema}: opening applies the missing
 * migrations in one transaction under a lock (so processes opening a new database at once do not
 * race), and refuses a database written by a newer version. Times are stored as microseconds since
 * the epoch, events as JSON ({@link EventJson}; JSONB on PostgreSQL).
 *
 * <pre>{@code
 * try (JdbcStorage storage = JdbcStorage.open(new StorageConfig.Sqlite(file, Duration.ofSeconds(30)))) {
 *   storage.storeEvents(events);
 * }
 * }</pre>
 */
public final class JdbcStorage implements RunStorage, EventLogStorage {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

  private static final String RUN_COLUMNS = "id, run_id, pipeline_name, status, parent_run_id, tags, run_config,"
      + " selection, runtime, owner, created_at, started_at, ended_at, heartbeat_at";
  private static final String UNFINISHED = "('" + RunStatus.NOT_STARTED + "', '" + RunStatus.STARTED + "')";

  private final Dialect dialect;
  private Connection connection;
  private boolean closed;

  private JdbcStorage(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Opens the database, creating it or migrating its schema if needed.
   *
   * @param config an {@link StorageConfig.Sqlite} or {@link StorageConfig.Postgres}
   * @throws StorageException if the database cannot be reached, stays locked, or has a newer schema
   */
  public static JdbcStorage open(StorageConfig config) {
    JdbcStorage storage = new JdbcStorage(Dialect.of(config));
    try {
      storage.migrate();
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    return storage;
  }

  /** The schema version this code writes. */
  public static int schemaVersion() {
    return 1;
  }

  @Override
  public String toString() {
    return dialect.describe();
  }

  // ------------------------------------------------------------------ schema

  private void migrate() {
    List<Dialect.Migration> migrations = dialect.migrations();
    int latest = migrations.get(migrations.size() - 1).version();
    write("migrate the schema", c -> {
      dialect.lockForMigration(c);
      try (Statement statement = c.createStatement()) {
        statement.execute(dialect.schemaTable());
      }
      int current;
      try (Statement statement = c.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM solidstream_schema")) {
        rs.next();
        current = rs.getInt(1);
      }
      if (current > latest) {
        throw new StorageException(dialect.describe() + " has schema version " + current + ", but this Solidstream"
            + " knows versions up to " + latest + ": it was written by a newer Solidstream; upgrade Solidstream"
            + " (or point the instance at another database)");
      }
      for (Dialect.Migration migration : migrations) {
        if (migration.version() <= current) {
          continue;
        }
        try (Statement statement = c.createStatement()) {
          for (String sql : migration.statements()) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO solidstream_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
          insert.setInt(1, migration.version());
          insert.setString(2, migration.description());
          insert.setLong(3, micros(Instant.now()));
          insert.executeUpdate();
        }
        LOG.info("{}: applied schema migration {} ({})", dialect.describe(), migration.version(),
            migration.description());
      }
      return null;
    });
  }

  // ------------------------------------------------------------------ runs

  @Override
  public void addRun(RunRecord run) {
    write("add run " + run.runId(), c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
        exists.setString(1, run.runId());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            throw new IllegalArgumentException("A run with id '" + run.runId() + "' already exists in "
                + dialect.describe() + "; leave the run id out of the request to get a fresh one");
          }
        }
      }
      String json = dialect.jsonParameter();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (run_id, pipeline_name, status,"
          + " parent_run_id, tags, run_config, selection, runtime, owner, created_at, started_at, ended_at,"
          + " heartbeat_at) VALUES (?, ?, ?, ?, " + json + ", " + json + ", ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, run.runId());
        insert.setString(2, run.pipelineName());
        insert.setString(3, run.status().name());
        insert.setString(4, run.parentRunId());
        insert.setString(5, EventJson.mapToJson(run.tags()));
        insert.setString(6, run.runConfig().toJson());
        insert.setString(7, run.selection());
        insert.setString(8, run.runtime());
        insert.setString(9, run.owner());
        insert.setLong(10, micros(run.createdAt()));
        setMicros(insert, 11, run.startedAt());
        setMicros(insert, 12, run.endedAt());
        insert.setLong(13, micros(run.heartbeatAt()));
        insert.executeUpdate();
      }
      if (!run.tags().isEmpty()) {
        try (PreparedStatement tags = c.prepareStatement(
            "INSERT INTO run_tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
          for (Map.Entry<String, String> tag : run.tags().entrySet()) {
            tags.setString(1, run.runId());
            tags.setString(2, tag.getKey());
            tags.setString(3, tag.getValue());
            tags.addBatch();
          }
          tags.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public Optional<RunRecord> run(String runId) {
    return read("read run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next() ? Optional.of(runRecord(rs)) : Optional.<RunRecord>empty();
        }
      }
    });
  }

  @Override
  public RunPage runs(RunQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM runs WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    query.pipelineName().ifPresent(name -> {
      sql.append(" AND pipeline_name = ?");
      parameters.add(name);
    });
    query.parentRunId().ifPresent(parent -> {
      sql.append(" AND parent_run_id = ?");
      parameters.add(parent);
    });
    if (!query.statuses().isEmpty()) {
      sql.append(" AND status IN (").append(query.statuses().stream().map(s -> "?").collect(Collectors.joining(", ")))
          .append(")");
      query.statuses().forEach(status -> parameters.add(status.name()));
    }
    for (Map.Entry<String, String> tag : query.tags().entrySet()) {
      sql.append(" AND run_id IN (SELECT run_id FROM run_tags WHERE tag_key = ? AND tag_value = ?)");
      parameters.add(tag.getKey());
      parameters.add(tag.getValue());
    }
    query.cursor().ifPresent(cursor -> {
      sql.append(" AND id < ?");
      parameters.add(parseCursor(cursor));
    });
    sql.append(" ORDER BY id DESC LIMIT ?");
    parameters.add(query.limit() + 1);
    return read("list runs (" + query + ")", c -> {
      try (PreparedStatement select = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < parameters.size(); i++) {
          select.setObject(i + 1, parameters.get(i));
        }
        List<RunRecord> runs = new ArrayList<>();
        long lastId = 0;
        boolean more = false;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            if (runs.size() == query.limit()) {
              more = true;
              break;
            }
            runs.add(runRecord(rs));
            lastId = rs.getLong("id");
          }
        }
        return RunPage.of(runs, more ? Long.toString(lastId) : null);
      }
    });
  }

  @Override
  public void updateStatus(String runId, RunStatus status, Instant at) {
    boolean timed = status == RunStatus.STARTED || status.isDone();
    String sql = status == RunStatus.STARTED
        ? "UPDATE runs SET status = ?, started_at = COALESCE(started_at, ?) WHERE run_id = ?"
        : status.isDone()
            ? "UPDATE runs SET status = ?, ended_at = ? WHERE run_id = ?"
            : "UPDATE runs SET status = ? WHERE run_id = ?";
    write("update the status of run " + runId, c -> {
      try (PreparedStatement update = c.prepareStatement(sql)) {
        int index = 1;
        update.setString(index++, status.name());
        if (timed) {
          update.setLong(index++, micros(at));
        }
        update.setString(index, runId);
        update.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void heartbeat(Collection<String> runIds, Instant at) {
    if (runIds.isEmpty()) {
      return;
    }
    write("write heartbeats", c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE runs SET heartbeat_at = ? WHERE run_id = ?")) {
        for (String runId : runIds) {
          update.setLong(1, micros(at));
          update.setString(2, runId);
          update.addBatch();
        }
        update.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<RunRecord> staleRuns(Instant before) {
    return read("find runs with stale heartbeats", c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE status IN "
          + UNFINISHED + " AND heartbeat_at < ? ORDER BY heartbeat_at")) {
        select.setLong(1, micros(before));
        List<RunRecord> runs = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            runs.add(runRecord(rs));
          }
        }
        return runs;
      }
    });
  }

  @Override
  public boolean markFailedIfStale(String runId, Instant before, Instant at) {
    return write("mark run " + runId + " failed", c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = ?, ended_at = ? WHERE run_id = ?"
          + " AND status IN " + UNFINISHED + " AND heartbeat_at < ?")) {
        update.setString(1, RunStatus.FAILURE.name());
        update.setLong(2, micros(at));
        update.setString(3, runId);
        update.setLong(4, micros(before));
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean deleteRun(String runId) {
    return write("delete run " + runId, c -> {
      try (PreparedStatement tags = c.prepareStatement("DELETE FROM run_tags WHERE run_id = ?");
          PreparedStatement run = c.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
        tags.setString(1, runId);
        tags.executeUpdate();
        run.setString(1, runId);
        return run.executeUpdate() == 1;
      }
    });
  }

  // ------------------------------------------------------------------ events

  @Override
  public void storeEvents(List<? extends RunEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<String> bodies = new ArrayList<>(events.size());
    for (RunEvent event : events) {
      bodies.add(EventJson.toJson(event));
    }
    write("store " + events.size() + " events", c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO events (run_id, event_type, step_key,"
          + " timestamp, body) VALUES (?, ?, ?, ?, " + dialect.jsonParameter() + ")")) {
        for (int i = 0; i < events.size(); i++) {
          RunEvent event = events.get(i);
          insert.setString(1, event.runId());
          insert.setString(2, event.type().name());
          insert.setString(3, event.stepKey());
          insert.setLong(4, micros(event.timestamp()));
          insert.setString(5, bodies.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public EventPage events(String runId, long afterCursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("An event page holds at least 1 event; limit was " + limit);
    }
    return read("read events of run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT id, body FROM events WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?")) {
        select.setString(1, runId);
        select.setLong(2, afterCursor);
        select.setInt(3, limit + 1);
        List<StoredEvent> events = new ArrayList<>();
        boolean more = false;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            if (events.size() == limit) {
              more = true;
              break;
            }
            events.add(new StoredEvent(rs.getLong(1), EventJson.fromJson(rs.getString(2))));
          }
        }
        return EventPage.of(events, afterCursor, more);
      }
    });
  }

  @Override
  public List<RunEvent> events(String runId, Set<EventType> types) {
    if (types.isEmpty()) {
      return List.of();
    }
    String in = types.stream().map(t -> "?").collect(Collectors.joining(", "));
    return read("read events of run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT body FROM events WHERE run_id = ? AND event_type IN (" + in + ") ORDER BY id")) {
        select.setString(1, runId);
        int index = 2;
        for (EventType type : types) {
          select.setString(index++, type.name());
        }
        List<RunEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            events.add(EventJson.fromJson(rs.getString(1)));
          }
        }
        return events;
      }
    });
  }

  @Override
  public long eventCount(String runId) {
    return read("count events of run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM events WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public long deleteEvents(String runId) {
    return write("delete events of run " + runId, c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM events WHERE run_id = ?")) {
        delete.setString(1, runId);
        return (long) delete.executeUpdate();
      }
    });
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Closing {} failed", dialect.describe(), e);
      }
      connection = null;
    }
  }

  // ------------------------------------------------------------------ plumbing

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private synchronized <T> T write(String what, Work<T> work) {
    return execute(what, work, true);
  }

  private synchronized <T> T read(String what, Work<T> work) {
    return execute(what, work, false);
  }

  private <T> T execute(String what, Work<T> work, boolean transaction) {
    long deadline = System.nanoTime() + dialect.busyBudget().toNanos();
    int attempt = 0;
    boolean reconnected = false;
    while (true) {
      Connection c = null;
      try {
        c = connection();
        if (!transaction) {
          return work.run(c);
        }
        dialect.begin(c);
        T result;
        try {
          result = work.run(c);
          dialect.commit(c);
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c);
          throw e;
        }
        return result;
      } catch (SQLException e) {
        if (dialect.isBusy(e) && System.nanoTime() < deadline) {
          pause(attempt++);
          continue;
        }
        if (!reconnected && c != null && (dialect.isConnectionLost(e) || isClosed(c))) {
          reconnected = true;
          dropConnection();
          continue;
        }
        if (dialect.isBusy(e)) {
          throw new StorageException("Cannot " + what + ": " + dialect.describe() + " stayed locked by another"
              + " writer for " + dialect.busyBudget().toSeconds() + " s (" + e.getMessage() + "); raise"
              + " busy_timeout_seconds in solidstream.yaml, or find the process holding a long transaction", e);
        }
        throw new StorageException("Cannot " + what + " in " + dialect.describe() + ": " + e.getMessage() + "; "
            + dialect.remedy(), e);
      }
    }
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new StorageException(dialect.describe() + " is closed; open the instance again");
    }
    if (connection == null) {
      connection = dialect.connect();
    }
    return connection;
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing a broken connection to {} failed", dialect.describe(), e);
      }
      connection = null;
    }
  }

  private void rollbackQuietly(Connection c) {
    try {
      dialect.rollback(c);
    } catch (SQLException e) {
      LOG.debug("Rollback on {} failed", dialect.describe(), e);
    }
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Exponential backoff with jitter: 5 ms, 10 ms, ... up to 250 ms. */
  private static void pause(int attempt) {
    long cap = Math.min(250, 5L << Math.min(attempt, 6));
    long millis = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("Interrupted while waiting for a database lock", e);
    }
  }

  private RunRecord runRecord(ResultSet rs) throws SQLException {
    return new RunRecord(
        rs.getString("run_id"),
        rs.getString("pipeline_name"),
        RunStatus.valueOf(rs.getString("status")),
        EventJson.mapFromJson(rs.getString("tags")),
        rs.getString("parent_run_id"),
        RunConfig.fromJson(rs.getString("run_config")),
        rs.getString("selection"),
        rs.getString("runtime"),
        rs.getString("owner"),
        instant(rs.getLong("created_at")),
        nullableInstant(rs, "started_at"),
        nullableInstant(rs, "ended_at"),
        instant(rs.getLong("heartbeat_at")));
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Run cursor '" + cursor + "' was not returned by this instance; pass"
          + " RunPage.nextCursor() of a previous page", e);
    }
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static void setMicros(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, micros(instant));
    }
  }

  private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : instant(value);
  }
}
