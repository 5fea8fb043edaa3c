package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Combines a matching pair of a join into one record.
 *
 * @param <L> left record type
 * @param <R> right record type
 * @param <O> output type
 */
@FunctionalInterface
public interface JoinFunction<L, R, O> extends Serializable {

  /** Joins one pair. */
  O join(L left, R right) throws Exception;
}
