package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.instance.jdbc.JdbcStorage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The storage suite on a real PostgreSQL server (embedded, 127.0.0.1), plus what is PostgreSQL's own. */
class PostgresInstanceTest extends InstanceStorageSuite {

  @Override
  InstanceConfig freshConfig() {
    StorageConfig.Postgres db = PostgresServer.freshSchema();
    return InstanceConfig.fromYaml("run_storage:\n  postgres: {hostname: 127.0.0.1, port: " + db.port()
        + ", db_name: postgres, username: postgres, schema: " + db.schema() + "}\n"
        + "event_log_storage:\n  postgres: {hostname: 127.0.0.1, port: " + db.port()
        + ", db_name: postgres, username: postgres, schema: " + db.schema() + "}\n",
        temp, "<test>", io.solidstream.api.config.EnvironmentLookup.of(java.util.Map.of()));
  }

  private String schema() {
    return ((StorageConfig.Postgres) config().runStorage()).schema();
  }

  @Test
  void eventsAreStoredAsJsonb() throws Exception {
    String runId = open().execute(TestPipelines.etl()).runId();

    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_typeof(body)::text, body->>'pipelineName' FROM " + schema()
            + ".events WHERE run_id = '" + runId + "' AND event_type = 'RUN_STARTED'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("jsonb");
      assertThat(rs.getString(2)).isEqualTo("etl");
    }
  }

  @Test
  void aDatabaseWrittenByANewerVersionIsRefused() throws Exception {
    open().close();
    try (Connection c = PostgresServer.get().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO " + schema() + ".solidstream_schema (version, description, applied_at)"
          + " VALUES (99, 'future', 0)");
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("has schema version 99")
        .hasMessageContaining("knows versions up to " + JdbcStorage.schemaVersion());
  }

  @Test
  @Timeout(30)
  void anUnreachableServerFailsWithinSecondsNamingHostAndPort() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    StorageConfig.Postgres nowhere = new StorageConfig.Postgres("127.0.0.1", closedPort, "solidstream", "ada",
        "secret", "public");

    assertThatThrownBy(() -> JdbcStorage.open(nowhere))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("PostgreSQL database ada@127.0.0.1:" + closedPort + "/solidstream")
        .hasMessageContaining("check that the server runs")
        .hasMessageNotContaining("secret");
  }

  @Test
  void instancesOnOneServerAreSeparatedBySchema() {
    String runId = open().execute(TestPipelines.etl()).runId();

    InstanceConfig other = freshConfig();
    try (Instance second = Instance.open(other)) {
      assertThat(second.run(runId)).isEmpty();
      assertThat(second.runs(RunQuery.all()).runs()).isEmpty();
    }
  }
}
