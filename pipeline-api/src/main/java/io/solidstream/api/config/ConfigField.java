package io.solidstream.api.config;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named, typed field of a {@link ShapeType}, optionally with a default value and a description.
 *
 * <p>Three flavours exist: {@link #required(String, ConfigType)} (no default; must be supplied
 * unless its type is not {@linkplain ConfigType#isRequired() required}), {@link #withDefault(String,
 * ConfigType, Object)} (may be left out, then the default is used) and {@link #optional(String,
 * ConfigType)} (may be left out, then the resolved shape lacks the key).
 */
public final class ConfigField implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final ConfigType type;
  private final boolean hasDefault;
  private final Object defaultValue;
  private final boolean optional;
  private final String description;

  private ConfigField(
      String name,
      ConfigType type,
      boolean hasDefault,
      Object defaultValue,
      boolean optional,
      String description) {
    this.name = name;
    this.type = type;
    this.hasDefault = hasDefault;
    this.defaultValue = defaultValue;
    this.optional = optional;
    this.description = description;
  }

  /**
   * Creates a field without a default; it must be supplied unless its type is not required (e.g. a
   * shape whose fields all have defaults).
   *
   * @param name the field name, not blank
   * @param type the field type
   * @return the field
   */
  public static ConfigField required(String name, ConfigType type) {
    return new ConfigField(checkName(name), checkType(type), false, null, false, null);
  }

  /**
   * Creates a field that resolves to {@code defaultValue} when left out.
   *
   * <p>The default is checked against the type now; {@code {env: NAME}} sources inside it are
   * accepted and read when a config is validated.
   *
   * @param name the field name, not blank
   * @param type the field type
   * @param defaultValue the default (null only for noneable types)
   * @return the field
   * @throws IllegalArgumentException naming the field if the default does not fit the type
   */
  public static ConfigField withDefault(String name, ConfigType type, Object defaultValue) {
    checkName(name);
    checkType(type);
    Object copy;
    try {
      copy = Values.deepCopy(defaultValue, ConfigPath.root());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "default value for field '" + name + "' is not a config value: " + e.getMessage(), e);
    }
    ValidationContext context = ValidationContext.deferringEnvironment();
    type.resolve(copy, ConfigPath.root(), context);
    if (context.hasErrors()) {
      String problems =
          context.errors().stream()
              .map(
                  error ->
                      error.path().equals(ConfigPath.root().toString())
                          ? error.message()
                          : error.path() + ": " + error.message())
              .collect(Collectors.joining("; "));
      throw new IllegalArgumentException(
          "default value for field '"
              + name
              + "' does not fit "
              + type.displayName()
              + ": "
              + problems);
    }
    return new ConfigField(name, type, true, copy, false, null);
  }

  /**
   * Creates a field that may be left out, in which case the resolved shape lacks the key.
   *
   * @param name the field name, not blank
   * @param type the type of the value when present
   * @return the field
   */
  public static ConfigField optional(String name, ConfigType type) {
    return new ConfigField(checkName(name), checkType(type), false, null, true, null);
  }

  /**
   * Returns a copy of this field with a description, shown in samples and documentation.
   *
   * @param description the description, not blank
   * @return the described field
   */
  public ConfigField description(String description) {
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw new IllegalArgumentException("description of field '" + name + "' must not be blank");
    }
    return new ConfigField(name, type, hasDefault, defaultValue, optional, description.strip());
  }

  /**
   * Returns the field name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the field type.
   *
   * @return the type
   */
  public ConfigType type() {
    return type;
  }

  /**
   * Returns the description, if one was given.
   *
   * @return the description
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Tells whether this field has a default value.
   *
   * @return true for fields created with {@link #withDefault(String, ConfigType, Object)}
   */
  public boolean hasDefault() {
    return hasDefault;
  }

  /**
   * Returns the default value as given (deep-copied, unmodifiable, not yet resolved).
   *
   * @return the default value, possibly null for noneable types
   * @throws IllegalStateException if the field has no default
   */
  public Object defaultValue() {
    if (!hasDefault) {
      throw new IllegalStateException("field '" + name + "' has no default value");
    }
    return defaultValue;
  }

  /**
   * Tells whether the field was declared with {@link #optional(String, ConfigType)}, i.e. may be left
   * out without any value being resolved.
   *
   * @return true for optional fields
   */
  public boolean isOptional() {
    return optional;
  }

  /**
   * Tells whether a value must be supplied for this field: no default, not optional, and a required
   * type.
   *
   * @return true if the field is required
   */
  public boolean isRequired() {
    return !hasDefault && !optional && type.isRequired();
  }

  /** Renders the field as in a shape's display name, e.g. {@code limit: Int} or {@code path?: String}. */
  @Override
  public String toString() {
    return name + (isRequired() ? ": " : "?: ") + type.displayName();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigField other
        && name.equals(other.name)
        && type.equals(other.type)
        && hasDefault == other.hasDefault
        && Objects.equals(defaultValue, other.defaultValue)
        && optional == other.optional
        && Objects.equals(description, other.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, hasDefault, defaultValue, optional, description);
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank");
    }
    return name;
  }

  private static ConfigType checkType(ConfigType type) {
    return Objects.requireNonNull(type, "type");
  }
}
