package io.solidstream.api.stream.io;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.internal.SerializationCheck;
import java.nio.file.Path;

/**
 * Factories of {@link Sink}s.
 *
 * <p>Guarantees (the README has the full table): collect sinks hand back the records of the job
 * (in-process, of its last attempt when it was restarted); single-file sinks ({@link #textFile}, {@link #jsonLines}) write records as they
 * arrive and are not transactional; part-file sinks ({@link #textFiles}, {@link #jsonLinesFiles})
 * commit whole files at checkpoints and at the end of input, so what they committed holds every
 * record exactly once with exactly-once checkpointing, also across restarts on Flink.
 */
public final class Sinks {
  private Sinks() {}

  /** Records handed back to the caller under {@code name}. */
  public static <T> Sink.Collect<T> collect(String name) {
    return new Sink.Collect<>(name);
  }

  /**
   * One line per record, {@code toString()} formatted, in the one file {@code path}, written as
   * records arrive: not transactional (see {@link #textFiles(Path)} for an exactly-once sink).
   */
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

  /**
   * One line per record, {@code toString()} formatted, in part files of {@code directory}: an
   * exactly-once file sink. Files are written hidden ({@code .part-*.inprogress*}) and become
   * visible as {@code part-*} when committed: at every checkpoint, and when the input ends. Read
   * what was committed with {@link PartFiles#readLines(Path)}.
   *
   * <pre>{@code
   * stream.sink(Sinks.textFiles(Path.of("/shared/out/clicks")));
   * List<String> lines = PartFiles.readLines(Path.of("/shared/out/clicks"));
   * }</pre>
   *
   * <p>On a cluster the directory must be one every TaskManager writes to and the reader sees (a
   * shared file system).
   */
  public static <T> Sink<T> textFiles(Path directory) {
    return new Sink.TextFiles<>(directory.toAbsolutePath().toString(), String::valueOf);
  }

  /** One line per record, formatted by {@code formatter}, in committed part files (see {@link #textFiles(Path)}). */
  public static <T> Sink<T> textFiles(Path directory, SerializableFunction<T, String> formatter) {
    SerializationCheck.checkSerializable(formatter, "\"formatter\" of text part-file sink");
    return new Sink.TextFiles<>(directory.toAbsolutePath().toString(), formatter);
  }

  /** One JSON document per line (Jackson) in committed part files (see {@link #textFiles(Path)}). */
  public static <T> Sink<T> jsonLinesFiles(Path directory) {
    return new Sink.JsonLinesFiles<>(directory.toAbsolutePath().toString());
  }

  /** Logs each record. */
  public static <T> Sink<T> log(String name) {
    return new Sink.Log<>(name);
  }
}
