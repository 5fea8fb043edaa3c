package io.solidstream.api.config;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads environment variables for {@code {env: NAME}} config sources.
 *
 * <p>Injectable so that tests and embedding applications can supply variables without touching the
 * process environment. Implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface EnvironmentLookup extends Serializable {

  /**
   * Returns the value of the variable {@code name}, or empty if it is not set.
   *
   * @param name the variable name, never null
   * @return the value, or empty when the variable is not set
   */
  Optional<String> get(String name);

  /**
   * Returns a lookup that reads the environment of the current process via {@link System#getenv(String)}.
   *
   * @return the process environment lookup
   */
  static EnvironmentLookup system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  /**
   * Returns a lookup over a fixed map of variables (a copy of {@code variables} is taken).
   *
   * @param variables variable names mapped to their values; no null keys or values
   * @return a lookup that only knows the given variables
   */
  static EnvironmentLookup of(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    ImmutableMap<String, String> copy = ImmutableMap.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
