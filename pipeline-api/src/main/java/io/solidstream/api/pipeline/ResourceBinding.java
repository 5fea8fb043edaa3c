package io.solidstream.api.pipeline;

import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import java.io.Serializable;
import java.util.Objects;

/**
 * A resource provided by a pipeline: its key and its definition.
 *
 * @param key the typed key solids ask for
 * @param definition how the resource is opened and closed
 */
public record ResourceBinding(ResourceKey<?> key, ResourceDefinition<?> definition) implements Serializable {
  /** Validates. */
  public ResourceBinding {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(definition, "definition");
  }
}
