package io.solidstream.api.types;

import java.io.Serializable;

/**
 * The outcome of checking one value against a {@link DataType}.
 *
 * @param success whether the value is of the type
 * @param description why the check failed, or a short confirmation when it passed
 */
public record TypeCheckResult(boolean success, String description) implements Serializable {

  /** A passed check. */
  public static TypeCheckResult passed() {
    return new TypeCheckResult(true, "ok");
  }

  /** A failed check with the reason. */
  public static TypeCheckResult failed(String description) {
    return new TypeCheckResult(false, description);
  }
}
