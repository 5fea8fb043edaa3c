package io.solidstream.api.solid;

import java.io.Serializable;
import java.util.Objects;

/**
 * A typed metadata value attached to a materialization or an expectation result.
 *
 * <p>Values are plain data, so events stay serializable and can be stored as JSON.
 */
public sealed interface MetadataValue extends Serializable {

  /** The value as display text. */
  String text();

  /** Free text. */
  record Text(String value) implements MetadataValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /** An integer. */
  record IntValue(long value) implements MetadataValue {
    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  /** A floating-point number. */
  record FloatValue(double value) implements MetadataValue {
    @Override
    public String text() {
      return Double.toString(value);
    }
  }

  /** A boolean. */
  record BoolValue(boolean value) implements MetadataValue {
    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /** A file system path. */
  record PathValue(String path) implements MetadataValue {
    public PathValue {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
      return path;
    }
  }

  /** A URL. */
  record UrlValue(String url) implements MetadataValue {
    public UrlValue {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String text() {
      return url;
    }
  }

  /** Free text. */
  static MetadataValue text(String value) {
    return new Text(value);
  }

  /** An integer. */
  static MetadataValue integer(long value) {
    return new IntValue(value);
  }

  /** A floating-point number. */
  static MetadataValue number(double value) {
    return new FloatValue(value);
  }

  /** A boolean. */
  static MetadataValue bool(boolean value) {
    return new BoolValue(value);
  }

  /** A file system path. */
  static MetadataValue path(String path) {
    return new PathValue(path);
  }

  /** A URL. */
  static MetadataValue url(String url) {
    return new UrlValue(url);
  }

  /**
   * Converts a plain Java value: {@code Integer}/{@code Long}/{@code Short}/{@code Byte} to an
   * integer, {@code Float}/{@code Double} to a number, {@code Boolean}, {@code java.nio.file.Path};
   * anything else becomes its {@code toString()} text.
   */
  static MetadataValue from(Object value) {
    if (value instanceof MetadataValue m) {
      return m;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return new IntValue(((Number) value).longValue());
    }
    if (value instanceof Float || value instanceof Double) {
      return new FloatValue(((Number) value).doubleValue());
    }
    if (value instanceof Boolean b) {
      return new BoolValue(b);
    }
    if (value instanceof java.nio.file.Path p) {
      return new PathValue(p.toString());
    }
    return new Text(String.valueOf(value));
  }
}
