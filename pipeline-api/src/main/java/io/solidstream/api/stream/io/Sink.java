package io.solidstream.api.stream.io;

import io.solidstream.api.function.SerializableFunction;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a stream's records go: a pure description that every runtime implements. Create sinks
 * with {@link Sinks}.
 *
 * @param <T> the record type
 */
public sealed interface Sink<T> extends Serializable {
  /** Valid collect sink names. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  /** A short description. */
  String describe();

  /** Records handed back to the caller, read with {@code result.collected(sink)}. */
  record Collect<T>(String name) implements Sink<T> {
    /** Validates. */
    public Collect {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Invalid collect sink name '" + name + "': use letters, digits, '_', '.' and '-'");
      }
    }

    @Override
    public String describe() {
      return "collect '" + name + "'";
    }
  }

  /**
   * Each record formatted as one line of a UTF-8 text file, written as records arrive (not
   * transactional: after a restart on Flink the file holds what the last attempt wrote).
   */
  record TextFile<T>(String path, SerializableFunction<T, String> formatter) implements Sink<T> {
    /** Validates. */
    public TextFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(formatter, "formatter");
    }

    @Override
    public String describe() {
      return "text file " + path;
    }
  }

  /** Each record as one JSON document per line (Jackson). */
  record JsonLines<T>(String path) implements Sink<T> {
    /** Validates. */
    public JsonLines {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "JSON-lines file " + path;
    }
  }

  /**
   * Each record formatted as one line of UTF-8 part files in {@code directory}, committed
   * atomically at checkpoints and at the end of input: exactly-once with checkpointing. Read the
   * committed output with {@link PartFiles#readLines(java.nio.file.Path)}.
   */
  record TextFiles<T>(String directory, SerializableFunction<T, String> formatter) implements Sink<T> {
    /** Validates. */
    public TextFiles {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(formatter, "formatter");
    }

    @Override
    public String describe() {
      return "text part files in " + directory;
    }
  }

  /**
   * Each record as one JSON document per line (Jackson) of part files in {@code directory},
   * committed like {@link TextFiles}.
   */
  record JsonLinesFiles<T>(String directory) implements Sink<T> {
    /** Validates. */
    public JsonLinesFiles {
      Objects.requireNonNull(directory, "directory");
    }

    @Override
    public String describe() {
      return "JSON-lines part files in " + directory;
    }
  }

  /** Each record logged at INFO by the SLF4J logger {@code io.solidstream.sink.<name>}. */
  record Log<T>(String name) implements Sink<T> {
    /** Validates. */
    public Log {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "log '" + name + "'";
    }
  }
}
