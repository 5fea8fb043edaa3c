package io.solidstream.api.stream.io;

import io.solidstream.api.function.SerializableFunction;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where a stream's records come from: a pure description that every runtime implements.
 * Create sources with {@link Sources}.
 *
 * @param <T> the record type
 */
public sealed interface Source<T> extends Serializable {

  /** Whether the source ends (bounded) or runs until cancelled. */
  boolean isBounded();

  /** A short description for names and messages. */
  String describe();

  /** In-memory records, optionally with timestamps (then {@code timestamps.size() == elements.size()}). */
  record Collection<T>(List<T> elements, List<Long> timestamps) implements Source<T> {
    /** Copies and validates. */
    public Collection {
      elements = List.copyOf(elements);
      timestamps = timestamps == null ? null : List.copyOf(timestamps);
      if (timestamps != null && timestamps.size() != elements.size()) {
        throw new IllegalArgumentException("a timestamp per element is needed: " + elements.size()
            + " elements, " + timestamps.size() + " timestamps");
      }
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public String describe() {
      return "collection of " + elements.size() + " records" + (timestamps == null ? "" : " with timestamps");
    }
  }

  /**
   * Records {@code fn(0), fn(1), ...}: {@code count} of them, or endless if {@code count < 0}; at
   * most {@code ratePerSecond} per second if positive.
   */
  record Generator<T>(GeneratorFunction<T> fn, long count, double ratePerSecond) implements Source<T> {
    /** Validates. */
    public Generator {
      Objects.requireNonNull(fn, "fn");
      if (ratePerSecond < 0) {
        throw new IllegalArgumentException("ratePerSecond must not be negative, was " + ratePerSecond);
      }
    }

    @Override
    public boolean isBounded() {
      return count >= 0;
    }

    @Override
    public String describe() {
      return "generator of " + (count >= 0 ? count + " records" : "endless records")
          + (ratePerSecond > 0 ? " at " + ratePerSecond + "/s" : "");
    }
  }

  /** The lines of a UTF-8 text file. */
  record TextFile(String path) implements Source<String> {
    /** Validates. */
    public TextFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public String describe() {
      return "text file " + path;
    }
  }

  /**
   * The rows of a CSV file (RFC 4180 quoting), each mapped to a record; the header row, if
   * {@code header}, is skipped.
   */
  record CsvFile<T>(String path, char delimiter, boolean header, SerializableFunction<List<String>, T> mapper)
      implements Source<T> {
    /** Validates. */
    public CsvFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public String describe() {
      return "CSV file " + path;
    }
  }

  /** One JSON document per line, read into {@code type} with Jackson. */
  record JsonLines<T>(String path, Class<T> type) implements Source<T> {
    /** Validates. */
    public JsonLines {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public String describe() {
      return "JSON-lines file " + path + " of " + type.getSimpleName();
    }
  }

  /**
   * A scripted source for tests: records with explicit timestamps interleaved with watermarks and
   * processing-time advances, replayed in order. See the test kit's {@code TestSource}.
   */
  record Scripted<T>(List<ScriptStep<T>> steps) implements Source<T> {
    /** Copies. */
    public Scripted {
      steps = List.copyOf(steps);
    }

    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public String describe() {
      return "scripted test source of " + steps.size() + " steps";
    }
  }

  /** One step of a {@link Scripted} source. */
  sealed interface ScriptStep<T> extends Serializable {
    /** Emit a record with a timestamp. */
    record Element<T>(T value, long timestamp) implements ScriptStep<T> {}

    /** Emit a watermark. */
    record Watermark<T>(long timestamp) implements ScriptStep<T> {}

    /** Advance the processing-time clock by {@code millis}, firing due processing-time timers. */
    record AdvanceProcessingTime<T>(long millis) implements ScriptStep<T> {}
  }
}
