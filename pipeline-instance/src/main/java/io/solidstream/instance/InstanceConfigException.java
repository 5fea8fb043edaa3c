package io.solidstream.instance;

import io.solidstream.api.config.ConfigError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when an instance config ({@code solidstream.yaml}) cannot be read or does not match its
 * schema; carries every error found, each with its path.
 *
 * <p>The message starts with {@code Invalid instance config <source>: <n> error(s)} followed by one
 * numbered line per error, with a YAML sample for missing entries:
 *
 * <pre>{@code
 * Invalid instance config /home/ada/.solidstream/solidstream.yaml: 2 errors
 *   1. run_storage.postgres: missing required field 'db_name' (String). Add:
 *        db_name: ""  # String
 *   2. heartbeat.timeout_seconds: must be at least twice interval_seconds (5.0) ...
 * }</pre>
 */
public class InstanceConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<ConfigError> errors;

  /**
   * Creates the exception.
   *
   * @param source the file the config came from, or {@code <string>}
   * @param errors every error, at least one
   */
  public InstanceConfigException(String source, List<ConfigError> errors) {
    super(render(source, errors));
    this.source = source;
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
  }

  /** The file the config came from, or {@code <string>}. */
  public String source() {
    return source;
  }

  /** Every error, in document order. */
  public List<ConfigError> errors() {
    return errors;
  }

  private static String render(String source, List<ConfigError> errors) {
    Objects.requireNonNull(source, "source");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an InstanceConfigException needs at least one error");
    }
    StringBuilder text = new StringBuilder("Invalid instance config ").append(source).append(": ")
        .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
    for (int i = 0; i < errors.size(); i++) {
      String number = (i + 1) + ". ";
      String continuation = " ".repeat(2 + number.length());
      String[] lines = errors.get(i).describe().split("\n", -1);
      text.append("\n  ").append(number).append(lines[0]);
      for (int l = 1; l < lines.length; l++) {
        text.append('\n').append(continuation).append(lines[l]);
      }
    }
    return text.toString();
  }
}
