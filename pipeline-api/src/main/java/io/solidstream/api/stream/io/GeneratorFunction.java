package io.solidstream.api.stream.io;

import java.io.Serializable;

/**
 * Produces the record number {@code index} of a generator source.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface GeneratorFunction<T> extends Serializable {

  /** The record for {@code index} (0, 1, 2, ...). */
  T generate(long index) throws Exception;
}
