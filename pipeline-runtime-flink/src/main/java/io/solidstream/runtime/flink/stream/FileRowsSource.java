package io.solidstream.runtime.flink.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.internal.CsvRows;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * A bounded Source V2 reading the records of one UTF-8 file in order, in one split: CSV rows
 * (RFC 4180, quoted fields may span lines) or JSON documents, one per line. Blank lines are
 * skipped; a bad line fails the job naming the file and line; a failing CSV mapper fails it with
 * a {@link io.solidstream.api.solid.UserCodeException} naming the source. The split holds how many
 * records were read.
 */
final class FileRowsSource extends OneSplitSource {
  private static final long serialVersionUID = 1L;

  /** How the file's records are read. */
  interface Format extends Serializable {
    /** Opens a cursor over the records of the file at {@code path}. */
    Cursor open(String path) throws IOException;
  }

  /** The records of one open file. */
  interface Cursor extends Closeable {
    /** The next record, or null at the end of the file. */
    Object next() throws IOException;
  }

  private final String operator;
  private final String path;
  private final Format format;

  FileRowsSource(String operator, String path, Format format) {
    super("file");
    this.operator = operator;
    this.path = path;
    this.format = format;
  }

  /** CSV rows mapped to records, read by the same parser as the in-process runtime ({@link CsvRows}). */
  static Format csv(String operator, char delimiter, boolean header, SerializableFunction<List<String>, ?> mapper) {
    return path -> {
      CsvRows csv = CsvRows.open(path, delimiter);
      return new Cursor() {
        private boolean headerSkipped = !header;

        @Override
        public Object next() throws IOException {
          List<String> row = csv.next();
          if (!headerSkipped) {
            headerSkipped = true;
            row = row == null ? null : csv.next();
          }
          if (row == null) {
            return null;
          }
          try {
            return mapper.apply(row);
          } catch (RuntimeException e) {
            throw Functions.failure(operator,
                new IllegalArgumentException("CSV file " + path + ", line " + csv.line() + ": " + e, e));
          }
        }

        @Override
        public void close() throws IOException {
          csv.close();
        }
      };
    };
  }

  /** JSON documents, one per line, read into {@code type}. */
  static Format jsonLines(Class<?> type) {
    return path -> {
      BufferedReader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
      ObjectMapper mapper = new ObjectMapper();
      return new Cursor() {
        private long number;

        @Override
        public Object next() throws IOException {
          String line;
          do {
            line = reader.readLine();
            if (line == null) {
              return null;
            }
            number++;
          } while (line.isBlank());
          try {
            return mapper.readValue(line, type);
          } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read " + path + ", line " + number + ": not a JSON "
                + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
          }
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    };
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  private final class Reader extends SplitReader {
    private Cursor cursor;
    private long records;
    private boolean done;

    @Override
    void open(long position) {
      try {
        cursor = format.open(path);
        for (long skipped = 0; skipped < position; skipped++) {
          cursor.next();
        }
        records = position;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path + " in operator '" + operator + "': " + e, e);
      }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) throws IOException {
      if (cursor == null || done) {
        return nothingMore();
      }
      Object record = cursor.next();
      if (record == null) {
        done = true;
        return nothingMore();
      }
      records++;
      output.collect(record);
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return cursor == null || done ? List.of() : List.of(splitAt(records));
    }

    @Override
    public void close() throws IOException {
      if (cursor != null) {
        cursor.close();
      }
    }
  }
}
