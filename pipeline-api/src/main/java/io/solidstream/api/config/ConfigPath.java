package io.solidstream.api.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * Immutable location inside a config document, rendered like {@code solids.load.config.items[2]}.
 *
 * <p>The root is rendered as {@code <root>}.
 */
public final class ConfigPath implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ConfigPath ROOT = new ConfigPath("");

  private final String rendered;

  private ConfigPath(String rendered) {
    this.rendered = rendered;
  }

  /**
   * Returns the path of the document root.
   *
   * @return the root path
   */
  public static ConfigPath root() {
    return ROOT;
  }

  /**
   * Returns the path reached from the root through the given mapping keys.
   *
   * @param keys mapping keys, outermost first
   * @return the path
   */
  public static ConfigPath of(String... keys) {
    ConfigPath path = ROOT;
    for (String key : keys) {
      path = path.child(key);
    }
    return path;
  }

  /**
   * Returns the path of the mapping entry {@code key} below this path.
   *
   * @param key the mapping key, not null
   * @return the child path
   */
  public ConfigPath child(String key) {
    Objects.requireNonNull(key, "key");
    return new ConfigPath(isRoot() ? key : rendered + "." + key);
  }

  /**
   * Returns the path of the list element at {@code index} below this path.
   *
   * @param index the zero-based element index
   * @return the element path, rendered with {@code [index]}
   */
  public ConfigPath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    return new ConfigPath(rendered + "[" + index + "]");
  }

  /**
   * Tells whether this is the document root.
   *
   * @return true for the root path
   */
  public boolean isRoot() {
    return rendered.isEmpty();
  }

  /** Returns the rendered path, e.g. {@code solids.load.config.limit}, or {@code <root>}. */
  @Override
  public String toString() {
    return isRoot() ? "<root>" : rendered;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigPath other && rendered.equals(other.rendered);
  }

  @Override
  public int hashCode() {
    return rendered.hashCode();
  }

  private Object readResolve() {
    return isRoot() ? ROOT : this;
  }
}
