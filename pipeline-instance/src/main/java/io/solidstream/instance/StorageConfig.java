package io.solidstream.instance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an instance keeps runs or events: in memory, in an SQLite file, or in a PostgreSQL
 * database. Read from the {@code run_storage} and {@code event_log_storage} sections of
 * {@code solidstream.yaml}; two sections naming the same database share one connection.
 */
public sealed interface StorageConfig {

  /** A short description for messages, e.g. {@code sqlite /home/ada/.solidstream/storage/solidstream.db}. */
  String describe();

  /** Whether what is stored survives the process. */
  default boolean persistent() {
    return !(this instanceof InMemory);
  }

  /** Kept in the process's memory only: for unit tests; lost when the instance closes. */
  record InMemory() implements StorageConfig {
    @Override
    public String describe() {
      return "in_memory";
    }
  }

  /**
   * An SQLite database file (created with its directory if missing), opened in WAL mode so several
   * processes can write it.
   *
   * @param file the database file, absolute
   * @param busyTimeout how long a write waits for another process's write before failing
   */
  record Sqlite(Path file, Duration busyTimeout) implements StorageConfig {
    /** Validates. */
    public Sqlite {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(busyTimeout, "busyTimeout");
      file = file.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
      return "sqlite " + file;
    }
  }

  /**
   * A PostgreSQL database, for instances shared by several machines.
   *
   * @param hostname the server's host
   * @param port the server's port
   * @param dbName the database, which must exist
   * @param username the user
   * @param password the password, or {@code null} (e.g. trust or a {@code .pgpass} file)
   * @param schema the schema holding the instance's tables, created if missing
   */
  record Postgres(String hostname, int port, String dbName, String username, String password, String schema)
      implements StorageConfig {
    /** Validates. */
    public Postgres {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(dbName, "dbName");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(schema, "schema");
    }

    /** The JDBC URL of the database (without credentials). */
    public String jdbcUrl() {
      String host = hostname.contains(":") && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
      return "jdbc:postgresql://" + host + ":" + port + "/" + dbName;
    }

    @Override
    public String describe() {
      return "postgres " + username + "@" + hostname + ":" + port + "/" + dbName + " schema " + schema;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
      return "Postgres[hostname=" + hostname + ", port=" + port + ", dbName=" + dbName + ", username=" + username
          + ", password=" + (password == null ? "none" : "***") + ", schema=" + schema + "]";
    }
  }
}
