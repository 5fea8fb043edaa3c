package io.solidstream.api.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found while validating a config value against a {@link ConfigType}.
 *
 * @param path where the problem is, e.g. {@code solids.load.config.limit} or {@code items[2]}
 * @param message human-readable description, e.g. {@code expected Int, received String "ten"}
 * @param expected display name of the expected type, e.g. {@code Int}
 * @param received short description of what was found, e.g. {@code String "ten"} or {@code missing}
 * @param sample YAML text the user could add to fix a missing entry, or null when not applicable
 */
public record ConfigError(String path, String message, String expected, String received, String sample)
    implements Serializable {

  /**
   * Creates an error; all components but {@code sample} are required.
   *
   * @param path where the problem is
   * @param message human-readable description
   * @param expected display name of the expected type
   * @param received short description of what was found
   * @param sample YAML text to add, or null
   */
  public ConfigError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(received, "received");
  }

  /**
   * Creates an error without a sample.
   *
   * @param path where the problem is
   * @param message human-readable description
   * @param expected display name of the expected type
   * @param received short description of what was found
   * @return the error
   */
  public static ConfigError of(String path, String message, String expected, String received) {
    return new ConfigError(path, message, expected, received, null);
  }

  /**
   * Tells whether this error carries a YAML sample.
   *
   * @return true when {@link #sample()} is not null
   */
  public boolean hasSample() {
    return sample != null;
  }

  /**
   * Renders the error on one line, followed by the indented sample if there is one.
   *
   * <p>Example: {@code solids.load.config: missing required field 'limit' (Int). Add:\n  limit: 0  # Int}.
   *
   * @return the rendered error
   */
  public String describe() {
    StringBuilder text = new StringBuilder(path).append(": ").append(message);
    if (sample != null) {
      text.append(". Add:");
      for (String line : sample.split("\n", -1)) {
        text.append("\n  ").append(line);
      }
    }
    return text.toString();
  }

  /** Returns {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }
}
