package io.solidstream.api.resource;

import java.io.Serializable;

/**
 * Closes a resource after the run.
 *
 * @param <T> the resource's Java type
 */
@FunctionalInterface
public interface ResourceCloser<T> extends Serializable {

  /** Closes {@code resource}. */
  void close(T resource) throws Exception;
}
