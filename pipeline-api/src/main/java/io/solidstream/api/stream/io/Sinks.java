package io.solidstream.api.stream.io;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.internal.SerializationCheck;
import java.nio.file.Path;

/** Factories of {@link Sink}s. */
public final class Sinks {
  private Sinks() {}

  /** Records handed back to the caller under {@code name}. */
  public static <T> Sink.Collect<T> collect(String name) {
    return new Sink.Collect<>(name);
  }

  /** One line per record, {@code toString()} formatted. */
  public static <T> Sink<T> textFile(Path path) {
    return new Sink.TextFile<>(path.toString(), String::valueOf);
  }

  /** One line per record, formatted by {@code formatter}. */
  public static <T> Sink<T> textFile(Path path, SerializableFunction<T, String> formatter) {
    SerializationCheck.checkSerializable(formatter, "\"formatter\" of text file sink");
    return new Sink.TextFile<>(path.toString(), formatter);
  }

  /** One JSON document per line. */
  public static <T> Sink<T> jsonLines(Path path) {
    return new Sink.JsonLines<>(path.toString());
  }

  /** Logs each record. */
  public static <T> Sink<T> log(String name) {
    return new Sink.Log<>(name);
  }
}
