package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Turns one record into zero or more records.
 *
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface FlatMapFunction<I, O> extends Serializable {

  /** Emits the records for {@code value} into {@code out}. */
  void flatMap(I value, Collector<O> out) throws Exception;
}
