package io.solidstream.instance;

import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when an instance config ({@code solidstream.yaml}) cannot be read or does not match its
 * schema; carries every error found, each with its path.
 *
 * <p>A {@link ConfigException}, like the run config's {@code RunConfigException}: the message starts
 * with {@code Invalid instance config <source>: <n> error(s)} followed by one numbered line per
 * error, with a YAML sample for missing entries:
 *
 * <pre>{@code
 * Invalid instance config /home/ada/.solidstream/solidstream.yaml: 2 errors
 *   1. run_storage.postgres: missing required field 'db_name' (String). Add:
 *        db_name: ""  # String
 *   2. heartbeat.timeout_seconds: must be at least twice interval_seconds (5.0) ...
 * }</pre>
 */
public class InstanceConfigException extends ConfigException {

  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * Creates the exception.
   *
   * @param source the file the config came from, or {@code <string>}
   * @param errors every error, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public InstanceConfigException(String source, List<ConfigError> errors) {
    super("Invalid instance config " + Objects.requireNonNull(source, "source"), errors);
    this.source = source;
  }

  /**
   * Returns the file the config came from, or {@code <string>}.
   *
   * @return the source
   */
  public String source() {
    return source;
  }
}
