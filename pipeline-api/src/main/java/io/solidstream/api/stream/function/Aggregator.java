package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * An incremental aggregation: an accumulator is created, records are added one at a time,
 * accumulators of merged windows are merged, and the result is read at the end.
 *
 * <pre>{@code
 * Aggregator<Click, Long, Long> count = Aggregator.of(() -> 0L, (c, acc) -> acc + 1, Long::sum, acc -> acc);
 * }</pre>
 *
 * @param <I> input record type
 * @param <A> accumulator type (may be mutable; owned by the aggregation)
 * @param <O> result type
 */
public interface Aggregator<I, A, O> extends Serializable {

  /** A new, empty accumulator. */
  A createAccumulator();

  /** Adds {@code value} to {@code accumulator}; returns the (possibly same) accumulator. */
  A add(I value, A accumulator);

  /** Merges two accumulators (for merging session windows); returns the merged one. */
  A merge(A a, A b);

  /** The result of an accumulator. */
  O result(A accumulator);

  /** An aggregator from four functions. */
  static <I, A, O> Aggregator<I, A, O> of(
      io.solidstream.api.function.SerializableSupplier<A> create,
      io.solidstream.api.function.SerializableBiFunction<I, A, A> add,
      io.solidstream.api.function.SerializableBiFunction<A, A, A> merge,
      io.solidstream.api.function.SerializableFunction<A, O> result) {
    return new Aggregator<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public A createAccumulator() {
        return create.get();
      }

      @Override
      public A add(I value, A accumulator) {
        return add.apply(value, accumulator);
      }

      @Override
      public A merge(A a, A b) {
        return merge.apply(a, b);
      }

      @Override
      public O result(A accumulator) {
        return result.apply(accumulator);
      }
    };
  }
}
