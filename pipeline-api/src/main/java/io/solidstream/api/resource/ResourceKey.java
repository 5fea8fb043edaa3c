package io.solidstream.api.resource;

import io.solidstream.api.internal.Names;
import java.io.Serializable;
import java.util.Objects;

/**
 * The typed name of a resource: solids declare the keys they need and read the resource by key.
 *
 * <pre>{@code
 * static final ResourceKey<Warehouse> WAREHOUSE = ResourceKey.of("warehouse", Warehouse.class);
 * }</pre>
 *
 * @param name the key in run config ({@code resources.<name>.config}) and in the pipeline
 * @param type the resource's Java type
 * @param <T> the resource's Java type
 */
public record ResourceKey<T>(String name, Class<T> type) implements Serializable {
  /** Validates the name. */
  public ResourceKey {
    Names.check("resource", name);
    Objects.requireNonNull(type, "type");
  }

  /** A key of the given name and type. */
  public static <T> ResourceKey<T> of(String name, Class<T> type) {
    return new ResourceKey<>(name, type);
  }

  @Override
  public String toString() {
    return "resource '" + name + "' (" + type.getSimpleName() + ")";
  }
}
