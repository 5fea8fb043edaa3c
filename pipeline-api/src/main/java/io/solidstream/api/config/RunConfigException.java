package io.solidstream.api.config;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when the run config of a pipeline does not match its schema; carries every error found.
 *
 * <p>The message starts with {@code Invalid run config for pipeline '<name>': <n> error(s)} followed
 * by one numbered, indented line per error, including YAML samples for missing entries (see
 * {@link ConfigException}).
 */
public class RunConfigException extends ConfigException {

  private static final long serialVersionUID = 1L;

  private final String pipelineName;

  /**
   * Creates the exception.
   *
   * @param pipelineName the pipeline whose run config is invalid
   * @param errors the errors, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public RunConfigException(String pipelineName, List<ConfigError> errors) {
    super("Invalid run config for pipeline '" + Objects.requireNonNull(pipelineName, "pipelineName") + "'", errors);
    this.pipelineName = pipelineName;
  }

  /**
   * Returns the name of the pipeline whose run config is invalid.
   *
   * @return the pipeline name
   */
  public String pipelineName() {
    return pipelineName;
  }
}
