package io.solidstream.api.stream;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.stream.function.Aggregator;

/** Ready-made {@link Aggregator}s. */
public final class Aggregators {
  private Aggregators() {}

  /** Counts records. */
  public static <T> Aggregator<T, long[], Long> count() {
    return new LongSum<>(null);
  }

  /** Sums a long field of the records. */
  public static <T> Aggregator<T, long[], Long> sumLong(SerializableFunction<? super T, Long> field) {
    return new LongSum<>(java.util.Objects.requireNonNull(field, "field"));
  }

  /** Sums {@code field} of each record, or counts records when {@code field} is null. */
  private static final class LongSum<T> implements Aggregator<T, long[], Long> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<? super T, Long> field;

    LongSum(SerializableFunction<? super T, Long> field) {
      this.field = field;
    }

    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(T value, long[] accumulator) {
      accumulator[0] += field == null ? 1 : field.apply(value);
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
  }
}
