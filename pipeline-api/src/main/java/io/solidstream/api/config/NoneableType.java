package io.solidstream.api.config;

import java.util.Objects;

/**
 * A config type whose value may be null, e.g. {@code Noneable[Int]}.
 *
 * <p>Obtain instances from {@link ConfigType#optional(ConfigType)}. A shape field of this type may
 * be left out; it then resolves to null.
 */
public final class NoneableType extends ConfigType {

  private static final long serialVersionUID = 1L;

  private final ConfigType innerType;

  NoneableType(ConfigType innerType) {
    this.innerType = Objects.requireNonNull(innerType, "innerType");
  }

  /**
   * Returns the type of non-null values.
   *
   * @return the inner type
   */
  public ConfigType innerType() {
    return innerType;
  }

  @Override
  public String displayName() {
    return "Noneable[" + innerType.displayName() + "]";
  }

  @Override
  public boolean isRequired() {
    return false;
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    return value == null ? null : innerType.resolve(value, path, context);
  }

  @Override
  Object resolveMissing(ConfigPath path, ValidationContext context) {
    return null;
  }

  @Override
  String inlineSample() {
    return "null";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoneableType other && innerType.equals(other.innerType);
  }

  @Override
  public int hashCode() {
    return 31 * NoneableType.class.getSimpleName().hashCode() + innerType.hashCode();
  }
}
