package io.solidstream.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A config type for mappings with named, typed {@link ConfigField fields}, e.g. {@code
 * Shape{limit: Int, path?: String}}.
 *
 * <p>Build instances with {@link ConfigType#shape()}. Validation reports every missing required field
 * (with a YAML sample to add), every unknown key (unless the shape is {@linkplain
 * Builder#permissive() permissive}) and every error inside the fields. The resolved value is an
 * unmodifiable, insertion-ordered {@code Map<String, Object>} with defaults applied: declared fields
 * first, then (for permissive shapes) unknown keys as given.
 */
public final class ShapeType extends ConfigType {

  private static final long serialVersionUID = 1L;

  private final List<ConfigField> fields;
  private final Map<String, ConfigField> fieldsByName;
  private final boolean permissive;

  private ShapeType(List<ConfigField> fields, boolean permissive) {
    this.fields = List.copyOf(fields);
    this.fieldsByName =
        Map.copyOf(fields.stream().collect(Collectors.toMap(ConfigField::name, field -> field)));
    this.permissive = permissive;
  }

  /**
   * Returns the fields in declaration order.
   *
   * @return the unmodifiable list of fields
   */
  public List<ConfigField> fields() {
    return fields;
  }

  /**
   * Returns the field called {@code name}, if declared.
   *
   * @param name the field name
   * @return the field, or empty
   */
  public Optional<ConfigField> field(String name) {
    return Optional.ofNullable(fieldsByName.get(name));
  }

  /**
   * Tells whether unknown keys are accepted (and kept as given).
   *
   * @return true for permissive shapes
   */
  public boolean isPermissive() {
    return permissive;
  }

  @Override
  public String displayName() {
    List<String> parts = new ArrayList<>();
    for (ConfigField field : fields) {
      parts.add(field.toString());
    }
    if (permissive) {
      parts.add("...");
    }
    return "Shape{" + String.join(", ", parts) + "}";
  }

  /** A shape is required iff at least one of its fields is required. */
  @Override
  public boolean isRequired() {
    return fields.stream().anyMatch(ConfigField::isRequired);
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    if (value == null && !isRequired()) {
      return resolveMissing(path, context);
    }
    if (!(value instanceof Map<?, ?> map)) {
      return context.mismatch(path, this, value);
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (ConfigField field : fields) {
      String name = field.name();
      ConfigPath fieldPath = path.child(name);
      if (map.containsKey(name)) {
        resolved.put(name, field.type().resolve(map.get(name), fieldPath, context));
      } else if (field.hasDefault()) {
        resolved.put(name, field.type().resolve(field.defaultValue(), fieldPath, context));
      } else if (field.isOptional()) {
        continue;
      } else if (!field.type().isRequired()) {
        resolved.put(name, field.type().resolveMissing(fieldPath, context));
      } else {
        String expected = field.type().displayName();
        context.error(
            new ConfigError(
                path.toString(),
                "missing required field '" + name + "' (" + expected + ")",
                expected,
                "missing",
                entrySample(name, field.type(), field.description().orElse(null))));
      }
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (fieldsByName.containsKey(key) && entry.getKey() instanceof String) {
        continue;
      }
      if (permissive) {
        resolved.put(key, any().resolve(entry.getValue(), path.child(key), context));
      } else {
        List<String> allowed = fields.stream().map(ConfigField::name).toList();
        context.error(
            path,
            "unknown field '"
                + key
                + "'; allowed fields: "
                + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed))
                + Values.suggestion(key, allowed),
            displayName(),
            "unknown field '" + key + "'");
      }
    }
    return Collections.unmodifiableMap(resolved);
  }

  @Override
  Object resolveMissing(ConfigPath path, ValidationContext context) {
    return resolve(Map.of(), path, context);
  }

  @Override
  boolean rendersAsBlock() {
    return isRequired();
  }

  @Override
  String inlineSample() {
    return "{}";
  }

  @Override
  void writeBlockSample(List<String> lines, String indent) {
    for (ConfigField field : fields) {
      if (field.isRequired()) {
        writeEntry(lines, indent, field.name(), field.type(), field.description().orElse(null));
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShapeType other && permissive == other.permissive && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, permissive);
  }

  /** Builds a {@link ShapeType}; obtain one from {@link ConfigType#shape()}. */
  public static final class Builder {

    private final Map<String, ConfigField> fields = new LinkedHashMap<>();
    private boolean permissive;

    Builder() {}

    /**
     * Adds a field without a default (see {@link ConfigField#required(String, ConfigType)}).
     *
     * @param name the field name
     * @param type the field type
     * @return this builder
     * @throws IllegalArgumentException if a field with this name was already defined
     */
    public Builder field(String name, ConfigType type) {
      return field(ConfigField.required(name, type));
    }

    /**
     * Adds a field with a default value (see {@link ConfigField#withDefault(String, ConfigType,
     * Object)}).
     *
     * @param name the field name
     * @param type the field type
     * @param defaultValue the default, checked against {@code type}
     * @return this builder
     * @throws IllegalArgumentException if the default does not fit or the name was already defined
     */
    public Builder field(String name, ConfigType type, Object defaultValue) {
      return field(ConfigField.withDefault(name, type, defaultValue));
    }

    /**
     * Adds a field that may be left out (see {@link ConfigField#optional(String, ConfigType)}).
     *
     * @param name the field name
     * @param type the type of the value when present
     * @return this builder
     * @throws IllegalArgumentException if a field with this name was already defined
     */
    public Builder optionalField(String name, ConfigType type) {
      return field(ConfigField.optional(name, type));
    }

    /**
     * Adds a field built with {@link ConfigField}, e.g. one with a description.
     *
     * @param field the field
     * @return this builder
     * @throws IllegalArgumentException if a field with this name was already defined
     */
    public Builder field(ConfigField field) {
      Objects.requireNonNull(field, "field");
      if (fields.containsKey(field.name())) {
        throw new IllegalArgumentException("field '" + field.name() + "' was already defined");
      }
      fields.put(field.name(), field);
      return this;
    }

    /**
     * Makes the shape accept unknown keys, which are kept as given in the resolved value.
     *
     * @return this builder
     */
    public Builder permissive() {
      this.permissive = true;
      return this;
    }

    /**
     * Creates the shape; the builder may be reused afterwards.
     *
     * @return the shape type
     */
    public ShapeType build() {
      return new ShapeType(new ArrayList<>(fields.values()), permissive);
    }
  }
}
