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
import java.util.Map;
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
  void aFileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
    Files.createDirectories(databaseFile().getParent());
    Files.writeString(databaseFile(), "these are not the pages you are looking for ".repeat(100));

    assertThatThrownBy(this::open)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SQLite database " + databaseFile())
        .hasMessageContaining("is an SQLite database");
  }
}
