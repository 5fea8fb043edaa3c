package io.solidstream.api.solid;

import java.util.regex.Pattern;

/** Checks the names of solids, inputs, outputs, resources and pipelines. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  /** Returns {@code name} if valid, else throws naming what was named. */
  static String check(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + kind + " name '" + name + "': use letters, digits and '_', not starting with a"
              + " digit (e.g. 'load_orders')");
    }
    return name;
  }
}
