package io.solidstream.api.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A config type accepting one of a fixed set of strings, e.g. {@code Enum[FAST|SAFE]}.
 *
 * <p>Obtain instances from {@link ConfigType#enumOf(String...)} or {@link
 * ConfigType#enumOf(Class)}. Values resolve to the matching string; Java enum constants with an
 * allowed name are accepted too. Also accepts an {@code {env: NAME}} source.
 */
public final class EnumType extends ConfigType {

  private static final long serialVersionUID = 1L;

  private final List<String> values;

  EnumType(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an enum type needs at least one value");
    }
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("enum values must not be null or blank: " + values);
      }
      if (!seen.add(value)) {
        throw new IllegalArgumentException("enum value '" + value + "' was already defined");
      }
    }
    this.values = List.copyOf(values);
  }

  /**
   * Returns the allowed values in declaration order.
   *
   * @return the unmodifiable list of allowed values
   */
  public List<String> values() {
    return values;
  }

  @Override
  public String displayName() {
    return "Enum[" + String.join("|", values) + "]";
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    if (Values.isEnvSource(value)) {
      return resolveEnvironmentSource(
          (Map<?, ?>) value, path, context, text -> values.contains(text) ? text : null);
    }
    String name = value instanceof Enum<?> constant ? constant.name() : null;
    if (value instanceof String s) {
      name = s;
    }
    if (name != null && values.contains(name)) {
      return name;
    }
    String hint = "; allowed values: " + String.join(", ", values);
    if (name != null) {
      hint += Values.suggestion(name, values);
    }
    return context.mismatch(path, this, value, hint);
  }

  @Override
  String inlineSample() {
    return Values.yamlString(values.get(0));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumType other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
