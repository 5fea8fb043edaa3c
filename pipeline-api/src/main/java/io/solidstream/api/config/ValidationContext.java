package io.solidstream.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable state of one validation run: the environment and the errors collected so far. */
final class ValidationContext {

  private final EnvironmentLookup env;
  private final List<ConfigError> errors = new ArrayList<>();

  private ValidationContext(EnvironmentLookup env) {
    this.env = env;
  }

  /** A context that resolves environment variables through {@code env}. */
  static ValidationContext resolving(EnvironmentLookup env) {
    return new ValidationContext(env);
  }

  /**
   * A context that checks the shape of environment sources but does not read them; used to check
   * default values when a schema is built.
   */
  static ValidationContext deferringEnvironment() {
    return new ValidationContext(null);
  }

  /** True if environment variables should be read; false while checking defaults. */
  boolean resolvesEnvironment() {
    return env != null;
  }

  Optional<String> lookup(String name) {
    if (env == null) {
      throw new IllegalStateException("environment lookup is deferred");
    }
    Optional<String> value = env.get(name);
    return value == null ? Optional.empty() : value;
  }

  void error(ConfigPath path, String message, String expected, String received) {
    errors.add(ConfigError.of(path.toString(), message, expected, received));
  }

  void error(ConfigError error) {
    errors.add(error);
  }

  /** Records "expected T, received V" and returns null as the placeholder resolved value. */
  Object mismatch(ConfigPath path, ConfigType expected, Object received) {
    return mismatch(path, expected, received, "");
  }

  /** Like {@link #mismatch(ConfigPath, ConfigType, Object)} with a hint appended to the message. */
  Object mismatch(ConfigPath path, ConfigType expected, Object received, String hint) {
    String receivedText = Values.describe(received);
    error(
        path,
        "expected " + expected.displayName() + ", received " + receivedText + hint,
        expected.displayName(),
        receivedText);
    return null;
  }

  List<ConfigError> errors() {
    return errors;
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }
}
