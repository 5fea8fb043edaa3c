package io.solidstream.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when the run config of a pipeline does not match its schema; carries every error found.
 *
 * <p>The message starts with {@code Invalid run config for pipeline '<name>': <n> error(s)} followed
 * by one numbered, indented line per error, including YAML samples for missing entries.
 */
public class RunConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pipelineName;
  private final List<ConfigError> errors;

  /**
   * Creates the exception.
   *
   * @param pipelineName the pipeline whose run config is invalid
   * @param errors the errors, at least one
   */
  public RunConfigException(String pipelineName, List<ConfigError> errors) {
    super(render(pipelineName, errors));
    this.pipelineName = pipelineName;
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
  }

  /**
   * Returns the name of the pipeline whose run config is invalid.
   *
   * @return the pipeline name
   */
  public String pipelineName() {
    return pipelineName;
  }

  /**
   * Returns all errors, in document order.
   *
   * @return the unmodifiable, non-empty list of errors
   */
  public List<ConfigError> errors() {
    return errors;
  }

  private static String render(String pipelineName, List<ConfigError> errors) {
    Objects.requireNonNull(pipelineName, "pipelineName");
    Objects.requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a RunConfigException needs at least one error");
    }
    StringBuilder text =
        new StringBuilder("Invalid run config for pipeline '")
            .append(pipelineName)
            .append("': ")
            .append(errors.size())
            .append(errors.size() == 1 ? " error" : " errors");
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
