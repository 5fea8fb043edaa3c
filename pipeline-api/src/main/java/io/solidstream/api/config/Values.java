package io.solidstream.api.config;

import io.solidstream.api.internal.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers shared by the config types: deep copies, value descriptions and name suggestions. */
final class Values {

  private static final int MAX_STRING_PREVIEW = 60;
  private static final int MAX_KEYS_PREVIEW = 5;

  private Values() {}

  /**
   * Deep-copies a config value into unmodifiable, serializable collections.
   *
   * @throws IllegalArgumentException if the value contains anything but maps with string keys,
   *     lists, strings, numbers, booleans, enum constants and nulls
   */
  static Object deepCopy(Object value, ConfigPath path) {
    if (value == null || isLeaf(value)) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "config keys must be strings, but "
                  + path
                  + " has key "
                  + describe(entry.getKey()));
        }
        copy.put(key, deepCopy(entry.getValue(), path.child(key)));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      int index = 0;
      for (Object element : list) {
        copy.add(deepCopy(element, path.index(index++)));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "unsupported config value at "
            + path
            + ": "
            + value.getClass().getName()
            + " (use maps, lists, strings, numbers, booleans, enums or null)");
  }

  /** Deep-copies a mapping, see {@link #deepCopy(Object, ConfigPath)}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopyMap(Map<String, ?> map) {
    return (Map<String, Object>) deepCopy(map, ConfigPath.root());
  }

  private static boolean isLeaf(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof Enum<?>;
  }

  /** True for integral Java number types. */
  static boolean isIntegral(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }

  /** Config-level type name of a raw value, e.g. {@code Int} for an Integer. */
  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "String";
    }
    if (value instanceof Boolean) {
      return "Bool";
    }
    if (value instanceof Long) {
      return "Long";
    }
    if (isIntegral(value)) {
      return "Int";
    }
    if (value instanceof Number) {
      return "Float";
    }
    if (value instanceof Map<?, ?>) {
      return "Map";
    }
    if (value instanceof Collection<?>) {
      return "List";
    }
    if (value instanceof Enum<?>) {
      return "Enum";
    }
    return value.getClass().getSimpleName();
  }

  /** Short description of a raw value: type name and a preview, e.g. {@code String "ten"}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "String " + quote(s);
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return "Map {}";
      }
      String keys =
          map.keySet().stream()
              .limit(MAX_KEYS_PREVIEW)
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
      return "Map {" + keys + (map.size() > MAX_KEYS_PREVIEW ? ", ..." : "") + "}";
    }
    if (value instanceof Collection<?> list) {
      return "List of " + list.size() + (list.size() == 1 ? " element" : " elements");
    }
    if (value instanceof Enum<?> e) {
      return "Enum " + e.name();
    }
    String text = String.valueOf(value);
    if (text.length() > MAX_STRING_PREVIEW) {
      text = text.substring(0, MAX_STRING_PREVIEW) + "...";
    }
    return typeName(value) + " " + text;
  }

  /** Double-quotes a string for messages, escaping quotes and control characters, truncating long text. */
  static String quote(String s) {
    String shown = s.length() > MAX_STRING_PREVIEW ? s.substring(0, MAX_STRING_PREVIEW) : s;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    if (shown.length() < s.length()) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /**
   * Renders a string as a YAML scalar for samples: plain when unambiguous, double-quoted otherwise
   * (e.g. for {@code "true"}, {@code "10"} or text with special characters).
   */
  static String yamlString(String s) {
    boolean plain =
        !s.isEmpty()
            && s.matches("[A-Za-z_][A-Za-z0-9_./-]*")
            && !YAML_KEYWORDS.contains(s.toLowerCase(Locale.ROOT));
    return plain ? s : quote(s);
  }

  private static final java.util.Set<String> YAML_KEYWORDS =
      java.util.Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

  /**
   * True if the value is an environment variable source: a map with the key {@code env} and, optionally,
   * {@code default} (used when the variable is not set).
   */
  static boolean isEnvSource(Object value) {
    return value instanceof Map<?, ?> map
        && map.containsKey("env")
        && (map.size() == 1 || map.size() == 2 && map.containsKey("default"));
  }

  /** Suffix {@code ; did you mean 'x'?} for an unknown name, or the empty string. */
  static String suggestion(String name, Collection<String> candidates) {
    return Suggestions.didYouMean(name, candidates);
  }

}
