package io.solidstream.api.stream.state;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names and types a piece of keyed state. Pure data; each runtime provides the state itself.
 *
 * <pre>{@code
 * static final StateDescriptor.Value<Long> COUNT = StateDescriptor.value("count", Long.class);
 * ...
 * ValueState<Long> count = ctx.state(COUNT);
 * }</pre>
 */
public sealed interface StateDescriptor extends Serializable {
  /** Valid state names. */
  Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** The state's name, unique within its operator. */
  String name();

  /** A single value per key. */
  record Value<T>(String name, Class<T> type) implements StateDescriptor {
    /** Validates. */
    public Value {
      checkName(name);
      Objects.requireNonNull(type, "type");
    }
  }

  /** A list of values per key. */
  record ListOf<T>(String name, Class<T> elementType) implements StateDescriptor {
    /** Validates. */
    public ListOf {
      checkName(name);
      Objects.requireNonNull(elementType, "elementType");
    }
  }

  /** A map per key. */
  record MapOf<K, V>(String name, Class<K> keyType, Class<V> valueType) implements StateDescriptor {
    /** Validates. */
    public MapOf {
      checkName(name);
      Objects.requireNonNull(keyType, "keyType");
      Objects.requireNonNull(valueType, "valueType");
    }
  }

  /** A value state descriptor. */
  static <T> Value<T> value(String name, Class<T> type) {
    return new Value<>(name, type);
  }

  /** A list state descriptor. */
  static <T> ListOf<T> list(String name, Class<T> elementType) {
    return new ListOf<>(name, elementType);
  }

  /** A map state descriptor. */
  static <K, V> MapOf<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
    return new MapOf<>(name, keyType, valueType);
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid state name '" + name + "': use letters, digits, '_' and '-', not starting with a digit");
    }
  }
}
