package io.solidstream.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigException;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.config.EnvironmentLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceConfigTest {

  static final EnvironmentLookup NO_ENV = EnvironmentLookup.of(Map.of());

  @TempDir
  Path home;

  static InstanceConfig parse(String yaml, Path home) {
    return InstanceConfig.fromYaml(yaml, home, "solidstream.yaml", NO_ENV);
  }

  @Test
  void aFullConfigIsReadWithPathsRelativeToTheHome() {
    InstanceConfig config = InstanceConfig.fromYaml("""
        run_storage:
          postgres:
            hostname: db.internal
            port: 5433
            db_name: solidstream
            username: runner
            password: {env: SOLIDSTREAM_DB_PASSWORD}
            schema: prod
        event_log_storage:
          sqlite:
            path: events/events.db
            busy_timeout_seconds: 12.5
        output_storage:
          filesystem: {base_dir: /data/outputs}
        runtime:
          in_process: {max_concurrent: 4, check_serializable: false}
        heartbeat:
          interval_seconds: 2
          timeout_seconds: 30
        """, home, "solidstream.yaml", EnvironmentLookup.of(Map.of("SOLIDSTREAM_DB_PASSWORD", "s3cret")));

    assertThat(config.runStorage()).isEqualTo(
        new StorageConfig.Postgres("db.internal", 5433, "solidstream", "runner", "s3cret", "prod"));
    assertThat(config.runStorage().toString()).doesNotContain("s3cret");
    assertThat(config.eventLogStorage()).isEqualTo(
        new StorageConfig.Sqlite(home.resolve("events/events.db"), Duration.ofMillis(12_500)));
    assertThat(config.outputStorage()).isEqualTo(new OutputStorageConfig.Filesystem(Path.of("/data/outputs")));
    assertThat(config.runtime().name()).isEqualTo("in_process");
    assertThat(config.runtime().config().getInt("max_concurrent")).isEqualTo(4);
    assertThat(config.runtime().config().getBoolean("check_serializable")).isFalse();
    assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.home()).contains(home.toAbsolutePath().normalize());
  }

  @Test
  void anEmptyOrMissingFileGivesAnSqliteInstanceInTheHome() throws Exception {
    InstanceConfig missing = InstanceConfig.load(home, NO_ENV);
    Files.writeString(home.resolve("solidstream.yaml"), "# nothing yet\n");
    InstanceConfig empty = InstanceConfig.load(home, NO_ENV);

    for (InstanceConfig config : List.of(missing, empty)) {
      assertThat(config.runStorage()).isEqualTo(
          new StorageConfig.Sqlite(home.resolve("storage/solidstream.db"), Duration.ofSeconds(30)));
      assertThat(config.eventLogStorage()).isEqualTo(config.runStorage());
      assertThat(config.outputStorage()).isEqualTo(new OutputStorageConfig.Filesystem(home.resolve("storage/outputs")));
      assertThat(config.runtime().name()).isEqualTo("in_process");
      assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(config.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
    assertThat(empty.source()).isEqualTo(home.resolve("solidstream.yaml").toString());
  }

  @Test
  void aConfigFileMayBeNamedDirectlyAndItsDirectoryIsTheHome() throws Exception {
    Path file = home.resolve("conf/instance.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "run_storage: {sqlite: {path: my.db}}\nevent_log_storage: {sqlite: {path: my.db}}\n");

    InstanceConfig config = InstanceConfig.load(file, NO_ENV);

    assertThat(((StorageConfig.Sqlite) config.runStorage()).file()).isEqualTo(home.resolve("conf/my.db"));
  }

  @Test
  void theHomeIsSolidstreamHomeOrDotSolidstreamInTheUsersHome() {
    assertThat(InstanceConfig.defaultHome(EnvironmentLookup.of(Map.of("SOLIDSTREAM_HOME", home.toString()))))
        .isEqualTo(home.toAbsolutePath());
    assertThat(InstanceConfig.defaultHome(NO_ENV))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".solidstream").toAbsolutePath());
  }

  @Test
  void anInstanceOpenedFromItsHomeRunsPipelinesIntoItsSqliteFile() {
    try (Instance instance = Instance.open(home)) {
      instance.execute(TestPipelines.etl());
    }

    assertThat(home.resolve("storage/solidstream.db")).exists();
    try (Instance again = Instance.open(home)) {
      assertThat(again.runs(RunQuery.all()).runs()).hasSize(1);
    }
  }

  @Test
  void theInMemoryConfigKeepsEverythingInMemory() {
    InstanceConfig config = InstanceConfig.inMemory();

    assertThat(config.runStorage()).isInstanceOf(StorageConfig.InMemory.class);
    assertThat(config.eventLogStorage()).isInstanceOf(StorageConfig.InMemory.class);
    assertThat(config.outputStorage()).isInstanceOf(OutputStorageConfig.InMemory.class);
    assertThat(config.home()).isEmpty();
  }

  // ------------------------------------------------------------------ the corpus of bad configs

  /** Each bad config with the path and message of every error it must report, in order. */
  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad("unknown top-level section with a suggestion",
            "run_storge: {sqlite: {}}",
            "<root>: unknown field 'run_storge'; allowed fields: run_storage, event_log_storage, output_storage,"
                + " runtime, heartbeat; did you mean 'run_storage'?"),
        bad("unknown storage kind",
            "run_storage: {mysql: {host: x}}",
            "run_storage: unknown option 'mysql'; allowed options: sqlite, postgres, in_memory"),
        bad("two storage kinds at once",
            "event_log_storage: {sqlite: {}, postgres: {hostname: h, db_name: d, username: u}}",
            "event_log_storage: expected exactly one of the keys sqlite, postgres, in_memory; received 2: sqlite, postgres"),
        bad("postgres without its required fields, every one reported",
            "run_storage: {postgres: {hostname: db}}",
            "run_storage.postgres: missing required field 'db_name' (String). Add:\n  db_name: \"...\"  # String",
            "run_storage.postgres: missing required field 'username' (String). Add:\n  username: \"...\"  # String"),
        bad("wrong types with paths",
            "run_storage: {postgres: {hostname: db, port: '5432x', db_name: d, username: u}}\n"
                + "heartbeat: {interval_seconds: fast}",
            "run_storage.postgres.port: expected Int, received String \"5432x\"",
            "heartbeat.interval_seconds: expected Float, received String \"fast\""),
        bad("port out of range and a schema that is not an identifier",
            "run_storage: {postgres: {hostname: db, port: 70000, db_name: d, username: u, schema: 'a; drop'}}",
            "run_storage.postgres.port: must be a TCP port between 1 and 65535; received 70000",
            "run_storage.postgres.schema: must be a plain SQL identifier (letters, digits and _, not starting with a"
                + " digit, at most 63 characters); received \"a; drop\""),
        bad("a password from an unset environment variable",
            "run_storage: {postgres: {hostname: db, db_name: d, username: u, password: {env: PG_PASSWORD}}}",
            "run_storage.postgres.password: environment variable 'PG_PASSWORD' is not set; set it, or give a"
                + " fallback: {env: PG_PASSWORD, default: ...}"),
        bad("heartbeat timeout shorter than two intervals",
            "heartbeat: {interval_seconds: 5, timeout_seconds: 6}",
            "heartbeat.timeout_seconds: must be at least twice interval_seconds (5.0), or a live run could be taken"
                + " for dead between two heartbeats; received 6.0"),
        bad("a non-positive heartbeat interval and busy timeout",
            "heartbeat: {interval_seconds: 0}\nevent_log_storage: {sqlite: {busy_timeout_seconds: -1}}",
            "event_log_storage.sqlite.busy_timeout_seconds: must be positive (seconds a write waits for other"
                + " processes' writes); received -1.0",
            "heartbeat.interval_seconds: must be positive (seconds between two heartbeats of a running run);"
                + " received 0.0"),
        bad("runs in memory but events on disk",
            "run_storage: {in_memory: {}}",
            "run_storage: is in_memory while event_log_storage is sqlite " + "<HOME>/storage/solidstream.db: what is"
                + " in memory would be lost when the process exits while the rest stays; make both in_memory, or both"
                + " persistent (e.g. the same sqlite or postgres settings)"),
        bad("an unknown runtime names the installed ones",
            "runtime: {flink_cluster: {}}",
            "runtime: unknown option 'flink_cluster'; allowed options: in_process; a runtime is available when its"
                + " module (e.g. pipeline-runtime-flink) is on the classpath; installed: in_process"),
        bad("a runtime setting out of range",
            "runtime: {in_process: {max_concurrent: 0}}",
            "runtime.in_process.max_concurrent: must be at least 1 (1 runs the steps of a run one by one); received 0"),
        bad("a blank sqlite path and an unknown field in output storage",
            "run_storage: {sqlite: {path: ''}}\noutput_storage: {filesystem: {base_dirr: x}}",
            "output_storage.filesystem: unknown field 'base_dirr'; allowed fields: base_dir; did you mean 'base_dir'?",
            "run_storage.sqlite.path: must not be blank"),
        bad("not a mapping",
            "- run_storage\n- sqlite",
            "<root>: the document must be a mapping of sections (run_storage, event_log_storage, output_storage,"
                + " runtime, heartbeat), not a list"),
        bad("not YAML",
            "run_storage: {sqlite: {path: x}\nheartbeat: [",
            "<root>: not valid YAML at line"),
        bad("a duplicate key",
            "heartbeat: {interval_seconds: 1}\nheartbeat: {interval_seconds: 2}",
            "<root>: not valid YAML at line 2"));
  }

  static Arguments bad(String name, String yaml, String... errors) {
    return Arguments.of(name, yaml, List.of(errors));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void everyErrorOfABadConfigIsReportedAtOnceWithItsPath(String name, String yaml, List<String> expected) {
    InstanceConfigException e = catchThrowableOfType(InstanceConfigException.class, () -> parse(yaml, home));

    assertThat(e).as(name).isNotNull();
    List<String> described = e.errors().stream().map(ConfigError::describe).toList();
    assertThat(described).as(e.getMessage()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(described.get(i)).startsWith(expected.get(i).replace("<HOME>", home.toAbsolutePath().toString()));
    }
    assertThat(e.getMessage()).startsWith("Invalid instance config solidstream.yaml: " + expected.size()
        + (expected.size() == 1 ? " error" : " errors"));
  }

  @Test
  void instanceConfigErrorsAreConfigExceptionsRenderedLikeRunConfigErrors() {
    // Given the same errors reported for an instance config and for a run config
    List<ConfigError> errors = List.of(
        ConfigError.of("heartbeat.interval_seconds", "must be positive; received 0.0", "Float", "0.0"),
        new ConfigError("run_storage.postgres", "missing required field 'db_name' (String)", "String", "missing",
            "db_name: \"...\"  # String"));

    // When each exception renders them
    ConfigException instance = new InstanceConfigException("solidstream.yaml", errors);
    ConfigException run = new RunConfigException("etl", errors);

    // Then both are ConfigExceptions with every error, numbered the same way under their own heading
    String numbered = ": 2 errors\n"
        + "  1. heartbeat.interval_seconds: must be positive; received 0.0\n"
        + "  2. run_storage.postgres: missing required field 'db_name' (String). Add:\n"
        + "       db_name: \"...\"  # String";
    assertThat(instance.errors()).isEqualTo(errors);
    assertThat(instance.getMessage()).isEqualTo("Invalid instance config solidstream.yaml" + numbered);
    assertThat(run.getMessage()).isEqualTo("Invalid run config for pipeline 'etl'" + numbered);
    assertThatThrownBy(() -> new InstanceConfigException("solidstream.yaml", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a config exception needs at least one error: Invalid instance config solidstream.yaml");
  }

  @Test
  void aMissingNamedConfigFileSaysHowToCreateIt() {
    assertThatThrownBy(() -> InstanceConfig.load(home.resolve("nope.yaml"), NO_ENV))
        .isInstanceOf(InstanceConfigException.class)
        .hasMessageContaining("nope.yaml: 1 error")
        .hasMessageContaining("the file does not exist; create it (every section has a default");
  }

  @Test
  void anInvalidConfigFailsInstanceOpenNamingTheFile() throws Exception {
    Files.writeString(home.resolve("solidstream.yaml"), "heartbeat: {interval_seconds: 0}\n");

    assertThatThrownBy(() -> Instance.open(home))
        .isInstanceOf(InstanceConfigException.class)
        .hasMessageStartingWith("Invalid instance config " + home.resolve("solidstream.yaml") + ": 1 error\n"
            + "  1. heartbeat.interval_seconds: must be positive");
  }
}
