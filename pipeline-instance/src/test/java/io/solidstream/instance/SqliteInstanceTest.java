package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.instance.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The storage suite on SQLite, plus what is SQLite's own. */
class SqliteInstanceTest extends InstanceStorageSuite {

  @Override
  InstanceConfig freshConfig() {
    return InstanceConfig.load(temp.resolve("home"), EnvironmentLookup.of(Map.of()));
  }

  private Path databaseFile() {
    return ((StorageConfig.Sqlite) config().runStorage()).file();
  }

  @Test
  void aNewHomeGetsAnSqliteDatabaseInWalModeWithTheCurrentSchema() throws Exception {
    open();

    assertThat(databaseFile()).isEqualTo(temp.resolve("home/storage/solidstream.db"));
    assertThat(Files.exists(databaseFile())).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
      try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM solidstream_schema")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(JdbcStorage.schemaVersion());
      }
    }
  }

  @Test
  void eventsAreStoredAsJsonText() throws Exception {
    String runId = open().execute(TestPipelines.etl()).runId();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT typeof(body), json_extract(body, '$.pipelineName') FROM events"
            + " WHERE run_id = '" + runId + "' AND event_type = 'RUN_STARTED'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("text");
      assertThat(rs.getString(2)).isEqualTo("etl");
    }
  }

  @Test
  void aDatabaseWrittenByANewerVersionIsRefused() throws Exception {
    open().close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile());
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO solidstream_schema (version, description, applied_at) VALUES (99, 'future', 0)");
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SQLite database " + databaseFile() + " has schema version 99")
        .hasMessageContaining("knows versions up to " + JdbcStorage.schemaVersion())
        .hasMessageContaining("upgrade Solidstream");
  }

  @Test
  void aWriteWaitsWhileAnotherWriterHoldsTheLockAndGivesUpAfterTheBusyTimeoutNamingTheFix() throws Exception {
    // Given a storage with a 1 s busy timeout, and another connection to its file holding the write lock
    Path file = temp.resolve("locked/solidstream.db");
    try (JdbcStorage storage = JdbcStorage.open(new StorageConfig.Sqlite(file, Duration.ofSeconds(1)));
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");

      // When a write comes while the lock stays held past the timeout, then it fails naming the file and the fix
      assertThatThrownBy(() -> storage.heartbeat(List.of("run-1"), Instant.now()))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("Cannot write heartbeats: SQLite database " + file + " stayed locked by another"
              + " writer for 1 s")
          .hasMessageContaining("raise busy_timeout_seconds in solidstream.yaml");

      // And a write that comes while the lock is held for less than the timeout waits for it and succeeds
      CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(300);
          lock.execute("COMMIT");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      storage.heartbeat(List.of("run-1"), Instant.now());
      release.join();
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
    Files.createDirectories(databaseFile().getParent());
    Files.writeString(databaseFile(), "these are not the pages you are looking for ".repeat(100));

    assertThatThrownBy(this::open)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SQLite database " + databaseFile())
        .hasMessageContaining("is an SQLite database");
  }
}
