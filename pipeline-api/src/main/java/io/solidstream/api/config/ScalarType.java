package io.solidstream.api.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * A scalar config type: {@code String}, {@code Int}, {@code Long}, {@code Float} or {@code Bool}.
 *
 * <p>Obtain instances from {@link ConfigType#string()}, {@link ConfigType#integer()}, {@link
 * ConfigType#longType()}, {@link ConfigType#doubleType()} and {@link ConfigType#bool()}. Each also
 * accepts an {@code {env: NAME}} source whose text is parsed to the scalar type.
 */
public final class ScalarType extends ConfigType {

  private static final long serialVersionUID = 1L;

  /** The kinds of scalar, with their display names. */
  public enum Kind {
    /** Text, resolved to {@link String}. */
    STRING("String", "\"...\""),
    /** 32-bit integer, resolved to {@link Integer}. */
    INT("Int", "0"),
    /** 64-bit integer, resolved to {@link Long}. */
    LONG("Long", "0"),
    /** Floating-point number, resolved to {@link Double}. */
    FLOAT("Float", "0.0"),
    /** Boolean, resolved to {@link Boolean}. */
    BOOL("Bool", "false");

    private final String displayName;
    private final String sample;

    Kind(String displayName, String sample) {
      this.displayName = displayName;
      this.sample = sample;
    }

    /**
     * Returns the name shown in messages, e.g. {@code Int}.
     *
     * @return the display name
     */
    public String displayName() {
      return displayName;
    }
  }

  static final ScalarType STRING = new ScalarType(Kind.STRING);
  static final ScalarType INT = new ScalarType(Kind.INT);
  static final ScalarType LONG = new ScalarType(Kind.LONG);
  static final ScalarType FLOAT = new ScalarType(Kind.FLOAT);
  static final ScalarType BOOL = new ScalarType(Kind.BOOL);

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final Kind kind;

  private ScalarType(Kind kind) {
    this.kind = kind;
  }

  /**
   * Returns which scalar this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  @Override
  public String displayName() {
    return kind.displayName;
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    if (Values.isEnvSource(value)) {
      return resolveEnvironmentSource((Map<?, ?>) value, path, context, this::parse);
    }
    if (value == null) {
      return context.mismatch(path, this, null);
    }
    switch (kind) {
      case STRING:
        return value instanceof String ? value : context.mismatch(path, this, value);
      case BOOL:
        return value instanceof Boolean ? value : context.mismatch(path, this, value);
      case INT:
        return resolveIntegral(value, INT_MIN, INT_MAX, path, context);
      case LONG:
        return resolveIntegral(value, LONG_MIN, LONG_MAX, path, context);
      case FLOAT:
        if (value instanceof Number number) {
          double d = number.doubleValue();
          if (Double.isInfinite(d) && (value instanceof BigDecimal || value instanceof BigInteger)) {
            return context.mismatch(path, this, value, " (out of range for Float)");
          }
          return d;
        }
        return context.mismatch(path, this, value);
      default:
        throw new AssertionError(kind);
    }
  }

  private Object resolveIntegral(
      Object value, BigInteger min, BigInteger max, ConfigPath path, ValidationContext context) {
    if (!Values.isIntegral(value)) {
      return context.mismatch(path, this, value);
    }
    BigInteger big =
        value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    if (big.compareTo(min) < 0 || big.compareTo(max) > 0) {
      return context.mismatch(
          path, this, value, " (out of range for " + displayName() + ": " + min + ".." + max + ")");
    }
    return kind == Kind.INT ? (Object) big.intValue() : (Object) big.longValue();
  }

  /** Converts environment variable text to this type, or returns null if it does not fit. */
  private Object parse(String text) {
    String trimmed = text.trim();
    try {
      switch (kind) {
        case STRING:
          return text;
        case INT:
          return Integer.parseInt(trimmed);
        case LONG:
          return Long.parseLong(trimmed);
        case FLOAT:
          double d = Double.parseDouble(trimmed);
          return Double.isFinite(d) ? d : null;
        case BOOL:
          String lower = trimmed.toLowerCase(Locale.ROOT);
          return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
        default:
          throw new AssertionError(kind);
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  String inlineSample() {
    return kind.sample;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScalarType other && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return kind.hashCode();
  }

  private Object readResolve() {
    switch (kind) {
      case STRING:
        return STRING;
      case INT:
        return INT;
      case LONG:
        return LONG;
      case FLOAT:
        return FLOAT;
      case BOOL:
        return BOOL;
      default:
        throw new AssertionError(kind);
    }
  }
}
