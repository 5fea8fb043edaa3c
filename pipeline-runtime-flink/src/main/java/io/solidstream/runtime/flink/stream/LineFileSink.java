package io.solidstream.runtime.flink.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.function.SerializableFunction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 writing one line per record to one UTF-8 file (run at parallelism 1), creating parent
 * directories: the in-process runtime's file output, exactly. Not transactional: a restarted
 * attempt truncates the file and writes from its restored position on, so after a restore from a
 * checkpoint the records before it are missing from the file (without checkpoints the attempt
 * starts from the beginning and the file is whole). The part-file sinks ({@link PartFileSinks})
 * are the exactly-once ones.
 */
final class LineFileSink implements Sink<Object> {
  private static final long serialVersionUID = 1L;
  private final String operator;
  private final String path;
  private final SerializableFunction<Object, String> formatter;

  @SuppressWarnings("unchecked")
  LineFileSink(String operator, String path, SerializableFunction<?, String> formatter) {
    this.operator = operator;
    this.path = path;
    this.formatter = (SerializableFunction<Object, String>) formatter;
  }

  /** Formats records as JSON documents (Jackson). */
  static SerializableFunction<Object, String> json() {
    return new SerializableFunction<>() {
      private static final long serialVersionUID = 1L;
      private transient ObjectMapper json;

      @Override
      public String apply(Object value) {
        if (json == null) {
          json = new ObjectMapper();
        }
        try {
          return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
      }
    };
  }

  @Override
  public SinkWriter<Object> createWriter(WriterInitContext context) throws IOException {
    Path file = Path.of(path);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new SinkWriter<>() {
      @Override
      public void write(Object element, Context ctx) {
        String line;
        try {
          line = formatter.apply(element);
        } catch (RuntimeException e) {
          throw Functions.failure(operator, e);
        }
        try {
          writer.write(line);
          writer.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write to " + path + " in operator '" + operator + "'", e);
        }
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        writer.flush();
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }
}
