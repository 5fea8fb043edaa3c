package io.solidstream.api.internal;

import java.util.regex.Pattern;

/** Checks the names of solids, inputs, outputs, resources and pipelines: one rule for all. */
public final class Names {
  /** Letters, digits and {@code _}, not starting with a digit. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  /**
   * Returns {@code name} if valid.
   *
   * @throws IllegalArgumentException naming the kind of thing named and the rule
   */
  public static String check(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + kind + " name '" + name + "': use letters, digits and '_', not starting with a"
              + " digit (e.g. 'load_orders')");
    }
    return name;
  }
}
