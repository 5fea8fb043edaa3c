package io.solidstream.api.solid;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a data-quality expectation checked by a step, e.g. "no negative amounts".
 *
 * <p>A failed expectation does not fail the step: it is reported as an event, and the compute code
 * decides what to do (throw, filter, continue).
 *
 * @param label a short name of the expectation
 * @param success whether the data met it
 * @param description detail, or the empty string
 * @param metadata ordered metadata entries (counts, samples of bad rows)
 */
public record ExpectationResult(
    String label, boolean success, String description, Map<String, MetadataValue> metadata)
    implements Serializable {

  /** Validates and copies. */
  public ExpectationResult {
    Objects.requireNonNull(label, "label");
    description = description == null ? "" : description;
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A met expectation. */
  public static ExpectationResult passed(String label) {
    return new ExpectationResult(label, true, "", Map.of());
  }

  /** A failed expectation. */
  public static ExpectationResult failed(String label) {
    return new ExpectationResult(label, false, "", Map.of());
  }

  /** A met or failed expectation. */
  public static ExpectationResult of(String label, boolean success) {
    return new ExpectationResult(label, success, "", Map.of());
  }

  /** A copy with a description. */
  public ExpectationResult withDescription(String description) {
    return new ExpectationResult(label, success, description, metadata);
  }

  /** A copy with one more metadata entry. */
  public ExpectationResult withMetadata(String key, Object value) {
    Map<String, MetadataValue> copy = new LinkedHashMap<>(metadata);
    copy.put(Objects.requireNonNull(key, "key"), MetadataValue.from(value));
    return new ExpectationResult(label, success, description, copy);
  }
}
