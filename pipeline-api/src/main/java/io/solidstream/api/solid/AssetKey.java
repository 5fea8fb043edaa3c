package io.solidstream.api.solid;

import java.io.Serializable;
import java.util.List;

/**
 * The identity of a persisted asset (a table, a file, a report), as a path of name parts.
 *
 * @param path the name parts, e.g. {@code ["reports", "orders_by_customer"]}
 */
public record AssetKey(List<String> path) implements Serializable {

  /** Validates and copies the path. */
  public AssetKey {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("An asset key needs at least one part");
    }
    for (String part : path) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("Asset key parts must not be blank: " + path);
      }
    }
  }

  /** An asset key from its parts. */
  public static AssetKey of(String... parts) {
    return new AssetKey(List.of(parts));
  }

  /** The parts joined with {@code /}. */
  @Override
  public String toString() {
    return String.join("/", path);
  }
}
