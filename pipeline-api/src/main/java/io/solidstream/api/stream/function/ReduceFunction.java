package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Combines two records of the same type into one; must be associative.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {

  /** Combines {@code accumulated} (earlier records) with {@code value} (a later record). */
  T reduce(T accumulated, T value) throws Exception;
}
