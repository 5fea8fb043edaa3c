package io.solidstream.instance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigField;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.ConfigValidationResult;
import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.SelectorType;
import io.solidstream.api.config.ShapeType;
import io.solidstream.api.run.PipelineRuntimeProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The configuration of an instance, read from {@code solidstream.yaml} in the instance's home
 * directory: run storage, event-log storage, output storage, default runtime and heartbeats.
 * Immutable.
 *
 * <p>Every section has a default, so an empty or missing file gives an SQLite instance under the
 * home directory that runs pipelines in-process. Relative paths are relative to the home directory.
 * The file is validated with the same config system as run configs: every error is reported at
 * once, with its path; values may come from environment variables with {@code {env: NAME}}.
 *
 * <pre>{@code
 * run_storage:
 *   postgres:
 *     hostname: db.internal
 *     db_name: solidstream
 *     username: solidstream
 *     password: {env: SOLIDSTREAM_DB_PASSWORD}
 * event_log_storage:
 *   postgres: {hostname: db.internal, db_name: solidstream, username: solidstream,
 *              password: {env: SOLIDSTREAM_DB_PASSWORD}}
 * output_storage:
 *   filesystem: {base_dir: storage/outputs}
 * runtime:
 *   in_process: {max_concurrent: 4}
 * heartbeat:
 *   interval_seconds: 5
 *   timeout_seconds: 60
 * }</pre>
 *
 * <p>The home directory is the directory given to {@link #load(Path)}, or the one of the
 * {@code SOLIDSTREAM_HOME} environment variable, or {@code ~/.solidstream} ({@link #defaultHome}).
 */
public final class InstanceConfig {

  /** The name of the config file in an instance's home directory. */
  public static final String FILE_NAME = "solidstream.yaml";
  /** The environment variable naming the home directory. */
  public static final String HOME_VARIABLE = "SOLIDSTREAM_HOME";
  /** The default SQLite database file, relative to the home directory. */
  public static final String DEFAULT_SQLITE_PATH = "storage/solidstream.db";
  /** The default base directory of step outputs, relative to the home directory. */
  public static final String DEFAULT_OUTPUT_DIR = "storage/outputs";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final List<String> SECTIONS =
      List.of("run_storage", "event_log_storage", "output_storage", "runtime", "heartbeat");

  private final Path home;
  private final String source;
  private final StorageConfig runStorage;
  private final StorageConfig eventLogStorage;
  private final OutputStorageConfig outputStorage;
  private final RuntimeConfig runtime;
  private final Duration heartbeatInterval;
  private final Duration heartbeatTimeout;

  private InstanceConfig(Path home, String source, StorageConfig runStorage, StorageConfig eventLogStorage,
      OutputStorageConfig outputStorage, RuntimeConfig runtime, Duration heartbeatInterval, Duration heartbeatTimeout) {
    this.home = home;
    this.source = source;
    this.runStorage = runStorage;
    this.eventLogStorage = eventLogStorage;
    this.outputStorage = outputStorage;
    this.runtime = runtime;
    this.heartbeatInterval = heartbeatInterval;
    this.heartbeatTimeout = heartbeatTimeout;
  }

  /** An instance kept in memory, running pipelines in-process: the default for unit tests. */
  public static InstanceConfig inMemory() {
    Map<String, Object> memory = Map.of("in_memory", Map.of());
    return parse(Map.of("run_storage", memory, "event_log_storage", memory, "output_storage", memory),
        "<in-memory>", null, EnvironmentLookup.of(Map.of()));
  }

  /**
   * Reads the config of the instance at {@code fileOrHome}, with environment variables of the
   * process: a {@code .yaml}/{@code .yml} file (its directory is the home), or a home directory
   * whose {@code solidstream.yaml} is read if it exists (defaults otherwise).
   *
   * @throws InstanceConfigException with every error if the file is invalid, or if a named
   *     {@code .yaml} file does not exist
   */
  public static InstanceConfig load(Path fileOrHome) {
    return load(fileOrHome, EnvironmentLookup.system());
  }

  /** Like {@link #load(Path)}, reading {@code {env: NAME}} values from {@code env}. */
  public static InstanceConfig load(Path fileOrHome, EnvironmentLookup env) {
    Objects.requireNonNull(fileOrHome, "fileOrHome");
    Objects.requireNonNull(env, "env");
    Path path = fileOrHome.toAbsolutePath().normalize();
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean namesFile = Files.isRegularFile(path) || name.endsWith(".yaml") || name.endsWith(".yml");
    Path file = namesFile ? path : path.resolve(FILE_NAME);
    Path home = namesFile ? path.getParent() : path;
    if (!Files.exists(file)) {
      if (namesFile) {
        throw new InstanceConfigException(file.toString(), List.of(ConfigError.of("<root>",
            "the file does not exist; create it (every section has a default, an empty file gives an SQLite"
                + " instance in " + home + "), or pass the instance's home directory instead", "a file", "missing")));
      }
      return parse(Map.of(), file + " (absent, defaults)", home, env);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read instance config " + file + ": " + e.getMessage(), e);
    }
    return fromYaml(text, home, file.toString(), env);
  }

  /**
   * Parses an instance config from YAML text.
   *
   * @param yaml the document; blank gives the defaults
   * @param home the home directory relative paths are resolved against
   * @param source the file name or {@code <string>}, for messages
   * @param env where {@code {env: NAME}} values are read from
   * @throws InstanceConfigException with every error found
   */
  public static InstanceConfig fromYaml(String yaml, Path home, String source, EnvironmentLookup env) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(env, "env");
    Object raw;
    try {
      try (JsonParser parser = YAML.createParser(yaml)) {
        JsonToken first = parser.nextToken();
        raw = first == null || first == JsonToken.VALUE_NULL ? Map.of() : YAML.readValue(parser, Object.class);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InstanceConfigException(source, List.of(ConfigError.of("<root>",
          "not valid YAML" + where + ": " + e.getOriginalMessage(), "YAML mapping", "unparsable text")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read instance config " + source + ": " + e.getMessage(), e);
    }
    if (raw == null) {
      raw = Map.of();
    }
    if (!(raw instanceof Map<?, ?>)) {
      throw new InstanceConfigException(source, List.of(ConfigError.of("<root>",
          "the document must be a mapping of sections (" + String.join(", ", SECTIONS) + "), not "
              + describe(raw), "Mapping", describe(raw))));
    }
    return parse(raw, source, home.toAbsolutePath().normalize(), env);
  }

  /** The home directory: {@code SOLIDSTREAM_HOME} if set, else {@code .solidstream} in the user's home. */
  public static Path defaultHome(EnvironmentLookup env) {
    Optional<String> variable = env.get(HOME_VARIABLE).filter(value -> !value.isBlank());
    if (variable.isPresent()) {
      try {
        return Path.of(variable.get()).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new InstanceConfigException("environment variable " + HOME_VARIABLE, List.of(ConfigError.of(
            "<root>", HOME_VARIABLE + " is not a valid path: " + e.getMessage() + "; set it to the instance's home"
                + " directory, or unset it to use ~/.solidstream", "a directory", variable.get())));
      }
    }
    return Path.of(System.getProperty("user.home"), ".solidstream").toAbsolutePath().normalize();
  }

  /**
   * The schema of {@code solidstream.yaml}, with the runtimes installed on the classpath as the
   * options of {@code runtime}.
   */
  public static ShapeType schema() {
    return schema(installedRuntimes());
  }

  /** The home directory; empty for an in-memory instance. */
  public Optional<Path> home() {
    return Optional.ofNullable(home);
  }

  /** Where the config came from: a file, or a description. */
  public String source() {
    return source;
  }

  public StorageConfig runStorage() {
    return runStorage;
  }

  public StorageConfig eventLogStorage() {
    return eventLogStorage;
  }

  public OutputStorageConfig outputStorage() {
    return outputStorage;
  }

  /** The default runtime of the instance's runs. */
  public RuntimeConfig runtime() {
    return runtime;
  }

  /** How often a process writes the heartbeat of its running runs. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** How old a running run's heartbeat may get before the run is taken for dead and marked failed. */
  public Duration heartbeatTimeout() {
    return heartbeatTimeout;
  }

  /**
   * A copy with other heartbeat timings.
   *
   * @throws IllegalArgumentException if {@code interval} is not positive or {@code timeout} is less
   *     than twice {@code interval}
   */
  public InstanceConfig withHeartbeat(Duration interval, Duration timeout) {
    if (interval.isZero() || interval.isNegative() || timeout.compareTo(interval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("Heartbeat interval must be positive and timeout at least twice the"
          + " interval, or a live run could be taken for dead; got interval " + interval + ", timeout " + timeout);
    }
    return new InstanceConfig(home, source, runStorage, eventLogStorage, outputStorage, runtime, interval, timeout);
  }

  @Override
  public String toString() {
    return "InstanceConfig{source=" + source + ", run_storage=" + runStorage.describe() + ", event_log_storage="
        + eventLogStorage.describe() + ", output_storage=" + outputStorage.describe() + ", runtime=" + runtime.name()
        + ", heartbeat=" + heartbeatInterval + "/" + heartbeatTimeout + "}";
  }

  // ------------------------------------------------------------------ schema and validation

  static Map<String, PipelineRuntimeProvider> installedRuntimes() {
    Map<String, PipelineRuntimeProvider> providers = new LinkedHashMap<>();
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(InstanceConfig.class.getClassLoader());
    for (PipelineRuntimeProvider provider : ServiceLoader.load(PipelineRuntimeProvider.class, loader)) {
      providers.putIfAbsent(provider.name(), provider);
    }
    return providers;
  }

  private static ShapeType schema(Map<String, PipelineRuntimeProvider> runtimes) {
    ConfigType storage = ConfigType.selector()
        .option("sqlite", ConfigType.shape()
            .field(ConfigField.withDefault("path", ConfigType.string(), DEFAULT_SQLITE_PATH)
                .description("the database file, relative to the home directory"))
            .field(ConfigField.withDefault("busy_timeout_seconds", ConfigType.doubleType(), 30.0)
                .description("how long a write waits for other processes' writes"))
            .build())
        .option("postgres", ConfigType.shape()
            .field("hostname", ConfigType.string())
            .field("port", ConfigType.integer(), 5432)
            .field("db_name", ConfigType.string())
            .field("username", ConfigType.string())
            .optionalField("password", ConfigType.string())
            .field(ConfigField.withDefault("schema", ConfigType.string(), "public")
                .description("created if missing"))
            .build())
        .option("in_memory", ConfigType.shape().build())
        .build();
    ConfigType outputs = ConfigType.selector()
        .option("filesystem", ConfigType.shape()
            .field("base_dir", ConfigType.string(), DEFAULT_OUTPUT_DIR)
            .build())
        .option("in_memory", ConfigType.shape().build())
        .option("custom", ConfigType.shape()
            .field(ConfigField.required("class_name", ConfigType.string())
                .description("a class implementing io.solidstream.api.run.OutputStorage"))
            .optionalField("config", ConfigType.any())
            .build())
        .build();
    SelectorType.Builder runtime = ConfigType.selector();
    runtimes.forEach((name, provider) -> runtime.option(name, provider.configSchema()));
    Map<String, Object> defaultRuntime = runtimes.containsKey("in_process") ? Map.of("in_process", Map.of()) : null;
    ShapeType.Builder shape = ConfigType.shape()
        .field(ConfigField.withDefault("run_storage", storage, Map.of("sqlite", Map.of()))
            .description("where runs are kept"))
        .field(ConfigField.withDefault("event_log_storage", storage, Map.of("sqlite", Map.of()))
            .description("where run events are kept"))
        .field(ConfigField.withDefault("output_storage", outputs, Map.of("filesystem", Map.of()))
            .description("where step outputs are kept"));
    if (runtimes.isEmpty()) {
      shape.field("runtime", ConfigType.selector().option("in_process", ConfigType.shape().build()).build());
    } else if (defaultRuntime != null) {
      shape.field(ConfigField.withDefault("runtime", runtime.build(), defaultRuntime)
          .description("the default runtime of runs"));
    } else {
      shape.field("runtime", runtime.build());
    }
    return shape
        .field("heartbeat", ConfigType.shape()
            .field("interval_seconds", ConfigType.doubleType(), 5.0)
            .field("timeout_seconds", ConfigType.doubleType(), 60.0)
            .build())
        .build();
  }

  private static InstanceConfig parse(Object raw, String source, Path home, EnvironmentLookup env) {
    Map<String, PipelineRuntimeProvider> runtimes = installedRuntimes();
    ShapeType schema = schema(runtimes);
    List<ConfigError> errors = new ArrayList<>();
    for (ConfigError error : schema.validate(raw, env).errors()) {
      errors.add(explain(error, runtimes));
    }
    Map<?, ?> document = (Map<?, ?>) raw;
    Map<String, Object> sections = new LinkedHashMap<>();
    for (ConfigField field : schema.fields()) {
      String name = field.name();
      if (hasErrorUnder(errors, name)) {
        continue;
      }
      ConfigPath path = ConfigPath.of(name);
      ConfigValidationResult section = document.containsKey(name)
          ? field.type().validate(document.get(name), path, env)
          : field.hasDefault()
              ? field.type().validate(field.defaultValue(), path, env)
              : field.type().validateMissing(path, env);
      if (section.isValid()) {
        sections.put(name, section.value());
      }
    }
    StorageConfig runStorage = storage(sections.get("run_storage"), "run_storage", home, errors);
    StorageConfig eventLogStorage = storage(sections.get("event_log_storage"), "event_log_storage", home, errors);
    OutputStorageConfig outputStorage = outputs(sections.get("output_storage"), home, errors);
    RuntimeConfig runtime = runtime(sections.get("runtime"), runtimes, errors);
    Duration[] heartbeat = heartbeat(sections.get("heartbeat"), errors);
    if (runStorage != null && eventLogStorage != null && runStorage.persistent() != eventLogStorage.persistent()) {
      StorageConfig memory = runStorage.persistent() ? eventLogStorage : runStorage;
      StorageConfig disk = runStorage.persistent() ? runStorage : eventLogStorage;
      errors.add(ConfigError.of(memory == runStorage ? "run_storage" : "event_log_storage",
          "is in_memory while " + (disk == runStorage ? "run_storage" : "event_log_storage") + " is " + disk.describe()
              + ": what is in memory would be lost when the process exits while the rest stays; make both"
              + " in_memory, or both persistent (e.g. the same sqlite or postgres settings)",
          "both in_memory or both persistent", "in_memory and " + disk.describe()));
    }
    if (!errors.isEmpty()) {
      throw new InstanceConfigException(source, errors);
    }
    return new InstanceConfig(home, source, runStorage, eventLogStorage, outputStorage, runtime, heartbeat[0],
        heartbeat[1]);
  }

  private static boolean hasErrorUnder(List<ConfigError> errors, String section) {
    return errors.stream().anyMatch(e -> e.path().equals(section) || e.path().startsWith(section + ".")
        || e.path().startsWith(section + "["));
  }

  private static ConfigError explain(ConfigError error, Map<String, PipelineRuntimeProvider> runtimes) {
    if (error.path().equals("runtime") && error.message().startsWith("unknown option")) {
      return new ConfigError(error.path(), error.message() + "; a runtime is available when its module (e.g."
          + " pipeline-runtime-flink) is on the classpath; installed: " + String.join(", ", runtimes.keySet()),
          error.expected(), error.received(), error.sample());
    }
    return error;
  }

  private static StorageConfig storage(Object section, String name, Path home, List<ConfigError> errors) {
    if (section == null) {
      return null;
    }
    Map.Entry<String, Config> option = option(section);
    Config config = option.getValue();
    ConfigPath path = ConfigPath.of(name, option.getKey());
    switch (option.getKey()) {
      case "in_memory":
        return new StorageConfig.InMemory();
      case "sqlite": {
        Path file = path(config.getString("path"), path.child("path"), home, errors);
        double busy = config.getDouble("busy_timeout_seconds");
        if (!(busy > 0)) {
          errors.add(ConfigError.of(path.child("busy_timeout_seconds").toString(),
              "must be positive (seconds a write waits for other processes' writes); received " + busy,
              "Float > 0", "Float " + busy));
          return null;
        }
        return file == null ? null : new StorageConfig.Sqlite(file, seconds(busy));
      }
      case "postgres": {
        int before = errors.size();
        int port = config.getInt("port");
        if (port < 1 || port > 65535) {
          errors.add(ConfigError.of(path.child("port").toString(),
              "must be a TCP port between 1 and 65535; received " + port, "Int in 1..65535", "Int " + port));
        }
        String schema = config.getString("schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
          errors.add(ConfigError.of(path.child("schema").toString(), "must be a plain SQL identifier (letters,"
              + " digits and _, not starting with a digit, at most 63 characters); received \"" + schema + "\"",
              "identifier", "String \"" + schema + "\""));
        }
        for (String field : List.of("hostname", "db_name", "username")) {
          if (config.getString(field).isBlank()) {
            errors.add(ConfigError.of(path.child(field).toString(), "must not be blank", "String", "blank String"));
          }
        }
        if (errors.size() > before) {
          return null;
        }
        String password = config.has("password") ? config.getString("password") : null;
        return new StorageConfig.Postgres(config.getString("hostname"), port, config.getString("db_name"),
            config.getString("username"), password, schema);
      }
      default:
        throw new IllegalStateException("unhandled storage option " + option.getKey());
    }
  }

  private static OutputStorageConfig outputs(Object section, Path home, List<ConfigError> errors) {
    if (section == null) {
      return null;
    }
    Map.Entry<String, Config> option = option(section);
    if (option.getKey().equals("in_memory")) {
      return new OutputStorageConfig.InMemory();
    }
    if (option.getKey().equals("custom")) {
      Object config = option.getValue().asMap().get("config");
      @SuppressWarnings("unchecked")
      Map<String, Object> map = config instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      return new OutputStorageConfig.Custom(option.getValue().getString("class_name"), map);
    }
    ConfigPath path = ConfigPath.of("output_storage", "filesystem", "base_dir");
    Path dir = path(option.getValue().getString("base_dir"), path, home, errors);
    return dir == null ? null : new OutputStorageConfig.Filesystem(dir);
  }

  private static RuntimeConfig runtime(
      Object section, Map<String, PipelineRuntimeProvider> runtimes, List<ConfigError> errors) {
    if (section == null) {
      return null;
    }
    Map.Entry<String, Config> option = option(section);
    PipelineRuntimeProvider provider = runtimes.get(option.getKey());
    if (provider == null) {
      return null;
    }
    List<ConfigError> problems = provider.check(option.getValue(), ConfigPath.of("runtime", option.getKey()));
    errors.addAll(problems);
    return problems.isEmpty() ? new RuntimeConfig(option.getKey(), option.getValue()) : null;
  }

  private static Duration[] heartbeat(Object section, List<ConfigError> errors) {
    if (section == null) {
      return new Duration[2];
    }
    Config config = Config.of(section);
    double interval = config.getDouble("interval_seconds");
    double timeout = config.getDouble("timeout_seconds");
    if (!(interval > 0)) {
      errors.add(ConfigError.of("heartbeat.interval_seconds",
          "must be positive (seconds between two heartbeats of a running run); received " + interval,
          "Float > 0", "Float " + interval));
    } else if (!(timeout >= 2 * interval)) {
      errors.add(ConfigError.of("heartbeat.timeout_seconds",
          "must be at least twice interval_seconds (" + interval + "), or a live run could be taken for dead"
              + " between two heartbeats; received " + timeout, "Float >= " + 2 * interval, "Float " + timeout));
    }
    return new Duration[] {seconds(interval), seconds(timeout)};
  }

  private static Map.Entry<String, Config> option(Object selector) {
    Map.Entry<?, ?> entry = ((Map<?, ?>) selector).entrySet().iterator().next();
    Object value = entry.getValue() == null ? Map.of() : entry.getValue();
    return Map.entry(String.valueOf(entry.getKey()), Config.of(value));
  }

  private static Path path(String text, ConfigPath where, Path home, List<ConfigError> errors) {
    if (text.isBlank()) {
      errors.add(ConfigError.of(where.toString(), "must not be blank", "a path", "blank String"));
      return null;
    }
    Path path;
    try {
      path = Path.of(text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text);
    } catch (InvalidPathException e) {
      errors.add(ConfigError.of(where.toString(), "is not a valid path: " + e.getMessage(), "a path",
          "String \"" + text + "\""));
      return null;
    }
    if (path.isAbsolute()) {
      return path.normalize();
    }
    if (home == null) {
      errors.add(ConfigError.of(where.toString(), "is relative, but this config has no home directory to resolve"
          + " it against; give an absolute path", "an absolute path", "String \"" + text + "\""));
      return null;
    }
    return home.resolve(path).normalize();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
  }

  private static String describe(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    return value instanceof String s ? "the text \"" + s + "\"" : String.valueOf(value);
  }
}
