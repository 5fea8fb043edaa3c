package io.solidstream.api.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of validating a value against a {@link ConfigType}: every error found, or the resolved
 * value when there were none.
 *
 * <p>The resolved value has defaults applied, environment variables read and numbers normalised
 * ({@code Int} to {@link Integer}, {@code Long} to {@link Long}, {@code Float} to {@link Double});
 * lists and shapes are unmodifiable.
 */
public final class ConfigValidationResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<ConfigError> errors;
  private final Object value;

  private ConfigValidationResult(List<ConfigError> errors, Object value) {
    this.errors = errors;
    this.value = value;
  }

  /**
   * Creates a successful result.
   *
   * @param resolvedValue the resolved value (may be null, e.g. for a noneable type)
   * @return the result
   */
  public static ConfigValidationResult valid(Object resolvedValue) {
    return new ConfigValidationResult(List.of(), Values.deepCopy(resolvedValue, ConfigPath.root()));
  }

  /**
   * Creates a failed result.
   *
   * @param errors the errors, at least one
   * @return the result
   */
  public static ConfigValidationResult invalid(List<ConfigError> errors) {
    Objects.requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid result needs at least one error");
    }
    return new ConfigValidationResult(Collections.unmodifiableList(new ArrayList<>(errors)), null);
  }

  /**
   * Tells whether no errors were found.
   *
   * @return true if the value is valid
   */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * Returns all errors found, in document order; empty when valid.
   *
   * @return the unmodifiable list of errors
   */
  public List<ConfigError> errors() {
    return errors;
  }

  /**
   * Returns the resolved value.
   *
   * @return the resolved value
   * @throws IllegalStateException if the result is invalid
   */
  public Object value() {
    if (!isValid()) {
      throw new IllegalStateException(
          "config is invalid, there is no resolved value; errors: " + errors);
    }
    return value;
  }

  /**
   * Returns the resolved value wrapped for typed access.
   *
   * @return the resolved config
   * @throws IllegalStateException if the result is invalid
   */
  public Config config() {
    return Config.of(value());
  }

  /**
   * Returns the resolved value, or throws a {@link RunConfigException} listing every error.
   *
   * @param pipelineName the pipeline named in the exception message
   * @return the resolved value
   * @throws RunConfigException if the result is invalid
   */
  public Object valueOrThrow(String pipelineName) {
    if (!isValid()) {
      throw new RunConfigException(pipelineName, errors);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigValidationResult other
        && errors.equals(other.errors)
        && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errors, value);
  }

  @Override
  public String toString() {
    return isValid() ? "valid: " + value : "invalid: " + errors;
  }
}
