package io.solidstream.api.solid;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record that a step created or updated an asset, with metadata about it.
 *
 * <pre>{@code
 * ctx.materialize(Materialization.of(AssetKey.of("reports", "orders"))
 *     .withDescription("orders per customer")
 *     .withMetadata("path", MetadataValue.path(out.toString()))
 *     .withMetadata("rows", 42));
 * }</pre>
 *
 * @param assetKey the asset
 * @param description what happened, or the empty string
 * @param metadata ordered metadata entries
 */
public record Materialization(AssetKey assetKey, String description, Map<String, MetadataValue> metadata)
    implements Serializable {

  /** Validates and copies. */
  public Materialization {
    Objects.requireNonNull(assetKey, "assetKey");
    description = description == null ? "" : description;
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A materialization of {@code assetKey} without metadata. */
  public static Materialization of(AssetKey assetKey) {
    return new Materialization(assetKey, "", Map.of());
  }

  /** A copy with a description. */
  public Materialization withDescription(String description) {
    return new Materialization(assetKey, description, metadata);
  }

  /** A copy with one more metadata entry; plain values are converted by {@link MetadataValue#from}. */
  public Materialization withMetadata(String label, Object value) {
    Map<String, MetadataValue> copy = new LinkedHashMap<>(metadata);
    copy.put(Objects.requireNonNull(label, "label"), MetadataValue.from(value));
    return new Materialization(assetKey, description, copy);
  }
}
