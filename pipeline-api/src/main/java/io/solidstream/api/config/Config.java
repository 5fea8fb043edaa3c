package io.solidstream.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed, read-only access to a resolved config value, as handed to solid and resource code.
 *
 * <p>The value is usually a mapping (a resolved {@link ShapeType}), read with {@link
 * #getString(String)}, {@link #getInt(String)} and friends, or bound to a record with {@link
 * #as(Class)}. It may also be a scalar or list when the schema is one; use {@link #value()} then.
 * Accessors throw {@link IllegalArgumentException} naming the key and what exists when a key is
 * missing or holds another type.
 */
public final class Config implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Config EMPTY = new Config(Map.of());

  private final Object value;

  private Config(Object value) {
    this.value = value;
  }

  /**
   * Returns a config holding an empty mapping.
   *
   * @return the empty config
   */
  public static Config empty() {
    return EMPTY;
  }

  /**
   * Wraps a resolved config value, deep-copied into unmodifiable collections.
   *
   * @param resolved a map, list, string, number, boolean, enum constant or null
   * @return the config
   * @throws IllegalArgumentException if the value holds unsupported objects
   */
  public static Config of(Object resolved) {
    return new Config(Values.deepCopy(resolved, ConfigPath.root()));
  }

  /**
   * Returns the raw resolved value (a map, list, scalar or null).
   *
   * @return the value
   */
  public Object value() {
    return value;
  }

  /**
   * Returns the value as an unmodifiable map.
   *
   * @return the mapping
   * @throws IllegalArgumentException if the value is not a mapping
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("config is " + Values.describe(value) + ", not a mapping");
  }

  /**
   * Tells whether the mapping has {@code key} with a non-null value.
   *
   * @param key the key
   * @return true if present and not null; false also when the config is not a mapping
   */
  public boolean has(String key) {
    return value instanceof Map<?, ?> map && map.get(key) != null;
  }

  /**
   * Returns the value of {@code key}, or empty if the key is absent or null.
   *
   * @param key the key
   * @return the value
   * @throws IllegalArgumentException if the config is not a mapping
   */
  public Optional<Object> getOptional(String key) {
    return Optional.ofNullable(asMap().get(key));
  }

  /**
   * Returns the string at {@code key}.
   *
   * @param key the key
   * @return the string
   * @throws IllegalArgumentException if the key is missing or not a string
   */
  public String getString(String key) {
    Object raw = require(key);
    if (raw instanceof String s) {
      return s;
    }
    throw wrongType(key, raw, "String");
  }

  /**
   * Returns the int at {@code key}.
   *
   * @param key the key
   * @return the int
   * @throws IllegalArgumentException if the key is missing or not an integer in the int range
   */
  public int getInt(String key) {
    Object raw = require(key);
    BigInteger big = integral(raw);
    if (big != null && big.bitLength() < Integer.SIZE) {
      return big.intValue();
    }
    throw wrongType(key, raw, "Int");
  }

  /**
   * Returns the long at {@code key}.
   *
   * @param key the key
   * @return the long
   * @throws IllegalArgumentException if the key is missing or not an integer in the long range
   */
  public long getLong(String key) {
    Object raw = require(key);
    BigInteger big = integral(raw);
    if (big != null && big.bitLength() < Long.SIZE) {
      return big.longValue();
    }
    throw wrongType(key, raw, "Long");
  }

  /**
   * Returns the number at {@code key} as a double.
   *
   * @param key the key
   * @return the double
   * @throws IllegalArgumentException if the key is missing or not a number
   */
  public double getDouble(String key) {
    Object raw = require(key);
    if (raw instanceof Number number) {
      return number.doubleValue();
    }
    throw wrongType(key, raw, "Float");
  }

  /**
   * Returns the boolean at {@code key}.
   *
   * @param key the key
   * @return the boolean
   * @throws IllegalArgumentException if the key is missing or not a boolean
   */
  public boolean getBoolean(String key) {
    Object raw = require(key);
    if (raw instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, raw, "Bool");
  }

  /**
   * Returns the enum constant named by the value at {@code key}.
   *
   * @param key the key
   * @param enumType the Java enum
   * @param <E> the enum type
   * @return the constant
   * @throws IllegalArgumentException if the key is missing or does not name a constant of {@code enumType}
   */
  public <E extends Enum<E>> E getEnum(String key, Class<E> enumType) {
    Objects.requireNonNull(enumType, "enumType");
    Object raw = require(key);
    E constant = toEnum(raw, enumType);
    if (constant != null) {
      return constant;
    }
    throw new IllegalArgumentException(
        "config key '"
            + key
            + "' is "
            + Values.describe(raw)
            + ", not a constant of "
            + enumType.getSimpleName()
            + " ("
            + Arrays.stream(enumType.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
            + ")");
  }

  /**
   * Returns the list at {@code key} with elements converted to {@code elementType}.
   *
   * <p>Supported element types: {@link String}, {@link Integer}, {@link Long}, {@link Double}, {@link
   * Boolean}, {@link Object}, {@link Config} (for lists of mappings), Java enums, and any type the
   * elements already are.
   *
   * @param key the key
   * @param elementType the element class
   * @param <T> the element type
   * @return the unmodifiable list
   * @throws IllegalArgumentException if the key is missing, not a list, or an element does not fit
   */
  public <T> List<T> getList(String key, Class<T> elementType) {
    Objects.requireNonNull(elementType, "elementType");
    Object raw = require(key);
    if (!(raw instanceof List<?> list)) {
      throw wrongType(key, raw, "List");
    }
    List<T> converted = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      T item = convert(element, elementType);
      if (item == null && element != null) {
        throw new IllegalArgumentException(
            "config key '"
                + key
                + "' element ["
                + i
                + "] is "
                + Values.describe(element)
                + ", not a "
                + elementType.getSimpleName());
      }
      converted.add(item);
    }
    return Collections.unmodifiableList(converted);
  }

  /**
   * Returns the nested config at {@code key}.
   *
   * @param key the key
   * @return the nested config
   * @throws IllegalArgumentException if the key is missing
   */
  public Config getConfig(String key) {
    return new Config(require(key));
  }

  /**
   * Returns the list of mappings at {@code key} as configs.
   *
   * @param key the key
   * @return the unmodifiable list of configs
   * @throws IllegalArgumentException if the key is missing or not a list
   */
  public List<Config> getConfigList(String key) {
    return getList(key, Config.class);
  }

  /**
   * Binds the whole value to a Java type (typically a record) with Jackson.
   *
   * @param type the target type
   * @param <T> the target type
   * @return the bound object
   * @throws IllegalArgumentException naming the target type and the reason if binding fails
   */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      return Mappers.JSON.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      String reason =
          e.getCause() instanceof JsonProcessingException jpe
              ? jpe.getOriginalMessage()
              : e.getMessage();
      throw new IllegalArgumentException(
          "cannot bind config to " + type.getName() + ": " + reason, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config other && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return "Config(" + value + ")";
  }

  private Object require(String key) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> map = asMap();
    if (!map.containsKey(key)) {
      throw new IllegalArgumentException(
          "config has no key '"
              + key
              + "'; available keys: "
              + (map.isEmpty() ? "(none)" : String.join(", ", map.keySet()))
              + Values.suggestion(key, map.keySet()));
    }
    Object raw = map.get(key);
    if (raw == null) {
      throw new IllegalArgumentException("config key '" + key + "' is null");
    }
    return raw;
  }

  private static IllegalArgumentException wrongType(String key, Object raw, String expected) {
    return new IllegalArgumentException(
        "config key '" + key + "' is " + Values.describe(raw) + ", not " + article(expected) + " " + expected);
  }

  private static String article(String word) {
    return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  private static BigInteger integral(Object raw) {
    if (raw instanceof BigInteger big) {
      return big;
    }
    return Values.isIntegral(raw) ? BigInteger.valueOf(((Number) raw).longValue()) : null;
  }

  private static <E extends Enum<E>> E toEnum(Object raw, Class<E> enumType) {
    if (enumType.isInstance(raw)) {
      return enumType.cast(raw);
    }
    String name = raw instanceof Enum<?> e ? e.name() : raw instanceof String s ? s : null;
    if (name == null) {
      return null;
    }
    for (E constant : enumType.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    return null;
  }

  /** Converts a list element, returning null if it does not fit (or is null). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T convert(Object element, Class<T> type) {
    if (element == null) {
      return null;
    }
    if (type == Config.class) {
      return type.cast(new Config(element));
    }
    if (type.isInstance(element)) {
      return type.cast(element);
    }
    BigInteger big = integral(element);
    if (type == Integer.class && big != null && big.bitLength() < Integer.SIZE) {
      return type.cast(big.intValue());
    }
    if (type == Long.class && big != null && big.bitLength() < Long.SIZE) {
      return type.cast(big.longValue());
    }
    if (type == Double.class && element instanceof Number number) {
      return type.cast(number.doubleValue());
    }
    if (type.isEnum()) {
      return (T) toEnum(element, (Class) type);
    }
    return null;
  }
}
