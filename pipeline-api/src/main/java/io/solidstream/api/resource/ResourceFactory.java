package io.solidstream.api.resource;

import java.io.Serializable;

/**
 * Opens a resource for a run: a client, a connection pool, a directory.
 *
 * @param <T> the resource's Java type
 */
@FunctionalInterface
public interface ResourceFactory<T> extends Serializable {

  /** Opens the resource; may throw, which fails the first step that needs it. */
  T open(ResourceContext context) throws Exception;
}
