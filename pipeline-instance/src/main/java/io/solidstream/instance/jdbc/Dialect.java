package io.solidstream.instance.jdbc;

import io.solidstream.instance.StorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/** What differs between the SQL databases an instance can use: connecting, transactions, DDL, errors. */
abstract sealed class Dialect permits Dialect.Sqlite, Dialect.Postgres {

  /** One step of the schema: a version, what it does, and its statements. */
  record Migration(int version, String description, List<String> statements) {}

  /** The storage named in messages, e.g. {@code SQLite database /home/ada/.solidstream/storage/solidstream.db}. */
  abstract String describe();

  /** What to check or change when the storage cannot be reached. */
  abstract String remedy();

  /** Opens a connection, in auto-commit mode, with the session settings applied. */
  abstract Connection connect() throws SQLException;

  /** Begins a write transaction that holds the database's write lock (if it has one) from the start. */
  abstract void begin(Connection connection) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** Serializes concurrent schema migrations, inside the transaction {@link #begin} opened. */
  abstract void lockForMigration(Connection connection) throws SQLException;

  /** The schema's steps, in version order. */
  abstract List<Migration> migrations();

  /** The placeholder of a JSON parameter. */
  abstract String jsonParameter();

  /** Whether the failure is another writer holding a lock: worth retrying after a pause. */
  abstract boolean isBusy(SQLException e);

  /** Whether the failure is a lost connection: worth reconnecting once. */
  abstract boolean isConnectionLost(SQLException e);

  /** How long writes keep retrying while the database is busy. */
  abstract Duration busyBudget();

  static Dialect of(StorageConfig config) {
    if (config instanceof StorageConfig.Sqlite sqlite) {
      return new Sqlite(sqlite);
    }
    if (config instanceof StorageConfig.Postgres postgres) {
      return new Postgres(postgres);
    }
    throw new IllegalArgumentException("Not an SQL storage: " + config.describe());
  }

  private static final String SCHEMA_TABLE =
      "CREATE TABLE IF NOT EXISTS solidstream_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
          + " applied_at BIGINT NOT NULL)";

  /** The statement creating the version table. */
  String schemaTable() {
    return SCHEMA_TABLE;
  }

  /** SQLite: one file, WAL journal, BEGIN IMMEDIATE writes, retried while another process writes. */
  static final class Sqlite extends Dialect {
    private final StorageConfig.Sqlite config;

    Sqlite(StorageConfig.Sqlite config) {
      this.config = config;
    }

    @Override
    String describe() {
      return "SQLite database " + config.file();
    }

    @Override
    String remedy() {
      return "check that the directory " + config.file().getParent() + " is writable and the file is an SQLite"
          + " database (run_storage / event_log_storage in solidstream.yaml)";
    }

    @Override
    Connection connect() throws SQLException {
      try {
        Files.createDirectories(config.file().getParent());
      } catch (IOException e) {
        throw new SQLException("cannot create directory " + config.file().getParent() + ": " + e, e);
      }
      SQLiteConfig settings = new SQLiteConfig();
      settings.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.busyTimeout().toMillis()));
      Connection connection = settings.createConnection("jdbc:sqlite:" + config.file());
      try (Statement statement = connection.createStatement()) {
        // WAL: readers never block the writer and the writer never blocks readers; several
        // processes share the file. NORMAL is durable against process crashes in WAL mode.
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return connection;
    }

    @Override
    void begin(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        // IMMEDIATE takes the write lock now, waiting through the busy timeout: a deferred
        // transaction that upgrades later fails at once with SQLITE_BUSY_SNAPSHOT instead.
        statement.execute("BEGIN IMMEDIATE");
      }
    }

    @Override
    void commit(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("COMMIT");
      }
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      }
    }

    @Override
    void lockForMigration(Connection connection) {
      // BEGIN IMMEDIATE already holds the only write lock of the file.
    }

    @Override
    String jsonParameter() {
      return "?";
    }

    @Override
    boolean isBusy(SQLException e) {
      if (e instanceof SQLiteException sqlite) {
        int primary = sqlite.getResultCode().code & 0xFF;
        return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
      }
      return false;
    }

    @Override
    boolean isConnectionLost(SQLException e) {
      return false;
    }

    @Override
    Duration busyBudget() {
      return config.busyTimeout();
    }

    @Override
    List<Migration> migrations() {
      return List.of(new Migration(1, "runs, run tags and events", List.of(
          "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL UNIQUE,"
              + " pipeline_name TEXT NOT NULL, status TEXT NOT NULL, parent_run_id TEXT, tags TEXT NOT NULL,"
              + " run_config TEXT NOT NULL, selection TEXT, runtime TEXT NOT NULL, owner TEXT NOT NULL,"
              + " created_at INTEGER NOT NULL, started_at INTEGER, ended_at INTEGER, heartbeat_at INTEGER NOT NULL)",
          "CREATE INDEX runs_by_pipeline ON runs (pipeline_name, id)",
          "CREATE INDEX runs_by_status ON runs (status, id)",
          "CREATE INDEX runs_by_parent ON runs (parent_run_id)",
          "CREATE TABLE run_tags (run_id TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, tag_key))",
          "CREATE INDEX run_tags_by_tag ON run_tags (tag_key, tag_value)",
          "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,"
              + " event_type TEXT NOT NULL, step_key TEXT, timestamp INTEGER NOT NULL, body TEXT NOT NULL)",
          "CREATE INDEX events_by_run ON events (run_id, id)")));
    }
  }

  /** PostgreSQL: a server shared by several machines; JSONB event bodies, advisory-locked migrations. */
  static final class Postgres extends Dialect {
    private static final long MIGRATION_LOCK = 0x536f6c6964L; // "Solid"

    private final StorageConfig.Postgres config;

    Postgres(StorageConfig.Postgres config) {
      this.config = config;
    }

    @Override
    String describe() {
      return "PostgreSQL database " + config.username() + "@" + config.hostname() + ":" + config.port() + "/"
          + config.dbName() + " (schema " + config.schema() + ")";
    }

    @Override
    String remedy() {
      return "check that the server runs and accepts connections from this machine, and the postgres settings"
          + " (hostname, port, db_name, username, password) of run_storage / event_log_storage in solidstream.yaml";
    }

    @Override
    Connection connect() throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("user", config.username());
      if (config.password() != null) {
        properties.setProperty("password", config.password());
      }
      properties.setProperty("currentSchema", config.schema());
      properties.setProperty("reWriteBatchedInserts", "true");
      properties.setProperty("ApplicationName", "solidstream");
      properties.setProperty("connectTimeout", "10");
      properties.setProperty("tcpKeepAlive", "true");
      return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    @Override
    void begin(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + config.schema());
      }
    }

    @Override
    String jsonParameter() {
      return "CAST(? AS jsonb)";
    }

    @Override
    boolean isBusy(SQLException e) {
      String state = e.getSQLState();
      return "40001".equals(state) || "40P01".equals(state); // serialization failure, deadlock
    }

    @Override
    boolean isConnectionLost(SQLException e) {
      String state = e.getSQLState();
      return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    @Override
    Duration busyBudget() {
      return Duration.ofSeconds(30);
    }

    @Override
    List<Migration> migrations() {
      return List.of(new Migration(1, "runs, run tags and events", List.of(
          "CREATE TABLE runs (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id TEXT NOT NULL UNIQUE,"
              + " pipeline_name TEXT NOT NULL, status TEXT NOT NULL, parent_run_id TEXT, tags JSONB NOT NULL,"
              + " run_config JSONB NOT NULL, selection TEXT, runtime TEXT NOT NULL, owner TEXT NOT NULL,"
              + " created_at BIGINT NOT NULL, started_at BIGINT, ended_at BIGINT, heartbeat_at BIGINT NOT NULL)",
          "CREATE INDEX runs_by_pipeline ON runs (pipeline_name, id)",
          "CREATE INDEX runs_by_status ON runs (status, id)",
          "CREATE INDEX runs_by_parent ON runs (parent_run_id)",
          "CREATE TABLE run_tags (run_id TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, tag_key))",
          "CREATE INDEX run_tags_by_tag ON run_tags (tag_key, tag_value)",
          "CREATE TABLE events (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id TEXT NOT NULL,"
              + " event_type TEXT NOT NULL, step_key TEXT, timestamp BIGINT NOT NULL, body JSONB NOT NULL)",
          "CREATE INDEX events_by_run ON events (run_id, id)")));
    }
  }
}
