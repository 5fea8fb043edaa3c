package io.solidstream.runtime.local.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sinks: collect into the job's result, text and JSON-lines files, part files, SLF4J log. */
final class SinkOperators {
  private SinkOperators() {}

  /**
   * Collects records for the job's result: each instance appends to its own list without locking
   * and hands it over when it closes (however the job ends, before the result is built). The
   * sink's records are then each instance's records in arrival order, one instance after the
   * other; with a single instance, its list becomes the result as it is, without a copy.
   */
  static final class CollectSink extends StreamOperator {
    private final Map<String, List<Object>> collected;
    private final String sink;
    private ArrayList<Object> records = new ArrayList<>();

    /**
     * A collect sink instance.
     *
     * @param collected the job's record lists by sink name, shared by every sink instance
     * @param sink the name of the collect sink
     */
    CollectSink(String name, Map<String, List<Object>> collected, String sink) {
      super(name);
      this.collected = collected;
      this.sink = sink;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      records.add(value);
    }

    @Override
    void close() {
      ArrayList<Object> mine = records;
      records = new ArrayList<>();
      if (mine.isEmpty()) {
        return;
      }
      synchronized (collected) {
        List<Object> all = collected.get(sink);
        if (all.isEmpty()) {
          collected.put(sink, mine);
        } else {
          all.addAll(mine);
        }
      }
    }
  }

  /** Writes one line per record to a UTF-8 file, creating parent directories. */
  static class LineFileSink extends StreamOperator {
    private final Path path;
    private final Function<Object, String> formatter;
    private BufferedWriter writer;

    LineFileSink(String name, Path path, Function<Object, String> formatter) {
      super(name);
      this.path = path;
      this.formatter = formatter;
    }

    @Override
    void open() throws IOException {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      String line;
      try {
        line = formatter.apply(value);
      } catch (RuntimeException e) {
        throw userFailure(e);
      }
      try {
        writer.write(line);
        writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to " + path + " in operator '" + name + "'", e);
      }
    }

    @Override
    void endOfInput() {
      try {
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to " + path + " in operator '" + name + "'", e);
      }
    }

    @Override
    void close() throws IOException {
      if (writer != null) {
        writer.close();
        writer = null;
      }
    }
  }

  /** Writes each record as one JSON document per line (Jackson). */
  static final class JsonLinesSink extends LineFileSink {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonLinesSink(String name, Path path) {
      super(name, path, JsonLinesSink::toJson);
    }

    static String toJson(Object value) {
      try {
        return MAPPER.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
      }
    }
  }

  /**
   * Writes one line per record into part files of a directory, as Flink's FileSink does: a hidden
   * in-progress file {@code .part-<writer id>-<counter>.inprogress} is committed (renamed
   * atomically to {@code part-<writer id>-<counter>}) every commit interval of processing time
   * (the checkpoint interval; 0: never) and at the end of input. What was not committed when the
   * job is cancelled or fails is deleted.
   */
  static final class PartFileSink extends StreamOperator {
    private final Path directory;
    private final Function<Object, String> formatter;
    private final long commitIntervalMillis;
    private final String writerId = UUID.randomUUID().toString();
    private long counter;
    private Path inProgress;
    private BufferedWriter writer;

    PartFileSink(String name, Path directory, Function<Object, String> formatter, long commitIntervalMillis) {
      super(name);
      this.directory = directory;
      this.formatter = formatter;
      this.commitIntervalMillis = commitIntervalMillis;
    }

    @Override
    void open() throws IOException {
      Files.createDirectories(directory);
      if (commitIntervalMillis > 0) {
        task.scheduleProcessingTime(task.now() + commitIntervalMillis, this);
      }
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      String line;
      try {
        line = formatter.apply(value);
      } catch (RuntimeException e) {
        throw userFailure(e);
      }
      try {
        if (writer == null) {
          inProgress = directory.resolve(".part-" + writerId + "-" + counter + ".inprogress");
          writer = Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8);
        }
        writer.write(line);
        writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to " + inProgress + " in operator '" + name + "'", e);
      }
    }

    @Override
    void onProcessingTime(long now) {
      commit();
      task.scheduleProcessingTime(now + commitIntervalMillis, this);
    }

    @Override
    void endOfInput() {
      commit();
    }

    /** Closes the in-progress file, if any, and makes it visible under its final name. */
    private void commit() {
      if (writer == null) {
        return;
      }
      Path part = directory.resolve("part-" + writerId + "-" + counter);
      try {
        writer.close();
        writer = null;
        Files.move(inProgress, part, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit part file " + part + " in operator '" + name + "'", e);
      }
      counter++;
      inProgress = null;
    }

    @Override
    void close() throws IOException {
      if (writer != null) {
        writer.close();
        writer = null;
        Files.deleteIfExists(inProgress);
      }
    }
  }

  /** Logs each record at INFO with the logger {@code io.solidstream.sink.<name>}. */
  static final class LogSink extends StreamOperator {
    private final Logger logger;

    LogSink(String name, String loggerName) {
      super(name);
      this.logger = LoggerFactory.getLogger("io.solidstream.sink." + loggerName);
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      logger.info("{}", value);
    }
  }
}
