package io.solidstream.api.config;

/**
 * The {@code Any} config type: accepts any value, including null, and keeps it as given.
 *
 * <p>Obtain the instance from {@link ConfigType#any()}. Values are deep-copied into unmodifiable
 * collections; environment variable sources are not interpreted.
 */
public final class AnyType extends ConfigType {

  private static final long serialVersionUID = 1L;

  static final AnyType INSTANCE = new AnyType();

  private AnyType() {}

  @Override
  public String displayName() {
    return "Any";
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    try {
      return Values.deepCopy(value, path);
    } catch (IllegalArgumentException e) {
      context.error(path, e.getMessage(), displayName(), Values.describe(value));
      return null;
    }
  }

  @Override
  String inlineSample() {
    return "null";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnyType;
  }

  @Override
  public int hashCode() {
    return "Any".hashCode();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
