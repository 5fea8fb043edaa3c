package io.solidstream.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when a config document does not match its schema; carries every error found, each with
 * its path, so that one attempt shows the user everything to fix.
 *
 * <p>The common base of {@link RunConfigException} (a pipeline's run config) and of the instance's
 * {@code io.solidstream.instance.InstanceConfigException} ({@code solidstream.yaml}): catch this type
 * to handle any invalid config. The message is a heading naming what was invalid, the number of
 * errors, then one numbered line per error ({@link ConfigError#describe()}), a YAML sample indented
 * under it for a missing entry:
 *
 * <pre>{@code
 * Invalid run config for pipeline 'orders': 2 errors
 *   1. solids.load_orders.config.limit: expected Int, received String "ten"
 *   2. resources.db.config: missing required field 'url' (String). Add:
 *        url: "..."  # String
 * }</pre>
 */
public abstract class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<ConfigError> errors;

  /**
   * Creates the exception.
   *
   * @param heading what was invalid, e.g. {@code Invalid run config for pipeline 'orders'}
   * @param errors every error, in document order; at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  protected ConfigException(String heading, List<ConfigError> errors) {
    super(render(heading, errors));
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
  }

  /**
   * Returns every error, in document order.
   *
   * @return the unmodifiable, non-empty list of errors
   */
  public List<ConfigError> errors() {
    return errors;
  }

  private static String render(String heading, List<ConfigError> errors) {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a config exception needs at least one error: " + heading);
    }
    StringBuilder text = new StringBuilder(heading).append(": ")
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
