package io.solidstream.api.stream.io;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.internal.SerializationCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Factories of {@link Source}s. */
public final class Sources {
  private Sources() {}

  /** The given records, without timestamps. */
  @SafeVarargs
  public static <T> Source<T> of(T... elements) {
    return new Source.Collection<>(Arrays.asList(elements), null);
  }

  /** The records of a list, without timestamps. */
  public static <T> Source<T> fromList(List<T> elements) {
    return new Source.Collection<>(elements, null);
  }

  /** Records with event timestamps, in the given order. */
  public static <T> Source<T> timestamped(List<Timestamped<T>> elements) {
    List<T> values = new ArrayList<>(elements.size());
    List<Long> timestamps = new ArrayList<>(elements.size());
    for (Timestamped<T> element : elements) {
      values.add(element.value());
      timestamps.add(element.timestamp());
    }
    return new Source.Collection<>(values, timestamps);
  }

  /** The numbers {@code from} to {@code to}, both inclusive. */
  public static Source<Long> sequence(long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException("sequence end " + to + " is before its start " + from);
    }
    return new Source.Generator<>(index -> from + index, to - from + 1, 0);
  }

  /** {@code count} records {@code fn(0) .. fn(count - 1)}. */
  public static <T> Source<T> generator(long count, GeneratorFunction<T> fn) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count + "; use unboundedGenerator");
    }
    SerializationCheck.checkSerializable(fn, "\"fn\" of generator source");
    return new Source.Generator<>(fn, count, 0);
  }

  /**
   * {@code count} records {@code fn(0) .. fn(count - 1)}, at most {@code ratePerSecond} per second
   * (0: unlimited): a bounded source that takes its time, e.g. to let checkpoints happen.
   */
  public static <T> Source<T> generator(long count, double ratePerSecond, GeneratorFunction<T> fn) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count + "; use unboundedGenerator");
    }
    SerializationCheck.checkSerializable(fn, "\"fn\" of generator source");
    return new Source.Generator<>(fn, count, ratePerSecond);
  }

  /** Endless records {@code fn(0), fn(1), ...} at most {@code ratePerSecond} per second (0: unlimited). */
  public static <T> Source<T> unboundedGenerator(GeneratorFunction<T> fn, double ratePerSecond) {
    SerializationCheck.checkSerializable(fn, "\"fn\" of generator source");
    return new Source.Generator<>(fn, -1, ratePerSecond);
  }

  /** The lines of a UTF-8 text file. */
  public static Source<String> textFile(Path path) {
    return new Source.TextFile(path.toString());
  }

  /** The rows of a CSV file with a header row, each mapped to a record by {@code mapper}. */
  public static <T> Source<T> csv(Path path, SerializableFunction<List<String>, T> mapper) {
    SerializationCheck.checkSerializable(mapper, "\"mapper\" of CSV source");
    return new Source.CsvFile<>(path.toString(), ',', true, mapper);
  }

  /** One JSON document per line, read into {@code type}. */
  public static <T> Source<T> jsonLines(Path path, Class<T> type) {
    return new Source.JsonLines<>(path.toString(), type);
  }
}
