package io.solidstream.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A config type for a mapping with exactly one of several named options, e.g. {@code
 * Selector{csv|json}}.
 *
 * <p>Build instances with {@link ConfigType#selector()}. The resolved value is an unmodifiable
 * single-entry map from the chosen option to its resolved value.
 */
public final class SelectorType extends ConfigType {

  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final Map<String, ConfigType> options;

  private SelectorType(Map<String, ConfigType> options) {
    this.names = List.copyOf(options.keySet());
    this.options = Map.copyOf(options);
  }

  /**
   * Returns the option names in declaration order.
   *
   * @return the unmodifiable list of option names
   */
  public List<String> optionNames() {
    return names;
  }

  /**
   * Returns the type of the option called {@code name}.
   *
   * @param name an option name
   * @return the option type
   * @throws IllegalArgumentException if there is no such option
   */
  public ConfigType optionType(String name) {
    ConfigType type = options.get(name);
    if (type == null) {
      throw new IllegalArgumentException(
          "selector has no option '" + name + "'; options: " + String.join(", ", names));
    }
    return type;
  }

  @Override
  public String displayName() {
    return "Selector{" + String.join("|", names) + "}";
  }

  /** A selector is not required iff it has a single option whose type is not required. */
  @Override
  public boolean isRequired() {
    return names.size() != 1 || options.get(names.get(0)).isRequired();
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    if (value == null && !isRequired()) {
      return resolveMissing(path, context);
    }
    if (!(value instanceof Map<?, ?> map)) {
      return context.mismatch(path, this, value);
    }
    String allowed = String.join(", ", names);
    if (map.size() != 1) {
      String received =
          map.isEmpty()
              ? "none"
              : map.size()
                  + ": "
                  + String.join(", ", map.keySet().stream().map(String::valueOf).toList());
      String first = names.get(0);
      context.error(
          new ConfigError(
              path.toString(),
              "expected exactly one of the keys " + allowed + "; received " + received,
              displayName(),
              Values.describe(map),
              map.isEmpty() ? entrySample(first, options.get(first), null) : null));
      return null;
    }
    Map.Entry<?, ?> entry = map.entrySet().iterator().next();
    String key = String.valueOf(entry.getKey());
    ConfigType type = entry.getKey() instanceof String ? options.get(key) : null;
    if (type == null) {
      context.error(
          path,
          "unknown option '" + key + "'; allowed options: " + allowed + Values.suggestion(key, names),
          displayName(),
          "unknown option '" + key + "'");
      return null;
    }
    return Collections.singletonMap(key, type.resolve(entry.getValue(), path.child(key), context));
  }

  @Override
  Object resolveMissing(ConfigPath path, ValidationContext context) {
    String only = names.get(0);
    return Collections.singletonMap(only, options.get(only).resolveMissing(path.child(only), context));
  }

  @Override
  boolean rendersAsBlock() {
    return true;
  }

  @Override
  String blockComment() {
    return displayName();
  }

  @Override
  void writeBlockSample(List<String> lines, String indent) {
    String first = names.get(0);
    writeEntry(lines, indent, first, options.get(first), null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectorType other && names.equals(other.names) && options.equals(other.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, options);
  }

  /** Builds a {@link SelectorType}; obtain one from {@link ConfigType#selector()}. */
  public static final class Builder {

    private final Map<String, ConfigType> options = new LinkedHashMap<>();

    Builder() {}

    /**
     * Adds an option.
     *
     * @param name the option key, not blank
     * @param type the type of the option's value
     * @return this builder
     * @throws IllegalArgumentException if an option with this name was already defined
     */
    public Builder option(String name, ConfigType type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (name.isBlank()) {
        throw new IllegalArgumentException("option name must not be blank");
      }
      if (options.containsKey(name)) {
        throw new IllegalArgumentException("option '" + name + "' was already defined");
      }
      options.put(name, type);
      return this;
    }

    /**
     * Creates the selector; the builder may be reused afterwards.
     *
     * @return the selector type
     * @throws IllegalStateException if no option was added
     */
    public SelectorType build() {
      if (options.isEmpty()) {
        throw new IllegalStateException("a selector needs at least one option");
      }
      return new SelectorType(new LinkedHashMap<>(options));
    }
  }
}
