package io.solidstream.api.stream;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.stream.function.Aggregator;

/** Ready-made {@link Aggregator}s. */
public final class Aggregators {
  private Aggregators() {}

  /** Counts records. */
  public static <T> Aggregator<T, long[], Long> count() {
    return new Aggregator<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public long[] createAccumulator() {
        return new long[1];
      }

      @Override
      public long[] add(T value, long[] accumulator) {
        accumulator[0]++;
        return accumulator;
      }

      @Override
      public long[] merge(long[] a, long[] b) {
        a[0] += b[0];
        return a;
      }

      @Override
      public Long result(long[] accumulator) {
        return accumulator[0];
      }
    };
  }

  /** Sums a long field of the records. */
  public static <T> Aggregator<T, long[], Long> sumLong(SerializableFunction<? super T, Long> field) {
    return new Aggregator<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public long[] createAccumulator() {
        return new long[1];
      }

      @Override
      public long[] add(T value, long[] accumulator) {
        accumulator[0] += field.apply(value);
        return accumulator;
      }

      @Override
      public long[] merge(long[] a, long[] b) {
        a[0] += b[0];
        return a;
      }

      @Override
      public Long result(long[] accumulator) {
        return accumulator[0];
      }
    };
  }
}
