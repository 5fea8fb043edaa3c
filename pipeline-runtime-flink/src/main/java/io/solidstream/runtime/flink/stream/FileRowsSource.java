package io.solidstream.runtime.flink.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.function.SerializableFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** Parses the file's records. */
  interface Format extends Serializable {
    /** The next record, or null at the end of the file. */
    Object next(LineReader lines) throws IOException;
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

  /** CSV rows mapped to records. */
  static Format csv(String operator, char delimiter, boolean header, SerializableFunction<List<String>, ?> mapper) {
    return new Format() {
      private static final long serialVersionUID = 1L;

      @Override
      public Object next(LineReader lines) throws IOException {
        if (header && lines.number == 0) {
          if (readRow(lines, delimiter) == null) {
            return null;
          }
        }
        long rowLine = lines.number + 1;
        List<String> row = readRow(lines, delimiter);
        if (row == null) {
          return null;
        }
        try {
          return mapper.apply(row);
        } catch (RuntimeException e) {
          throw Functions.failure(operator,
              new IllegalArgumentException("CSV file " + lines.path + ", line " + rowLine + ": " + e, e));
        }
      }
    };
  }

  /** JSON documents, one per line, read into {@code type}. */
  static Format jsonLines(Class<?> type) {
    return new Format() {
      private static final long serialVersionUID = 1L;
      private transient ObjectMapper mapper;

      @Override
      public Object next(LineReader lines) throws IOException {
        if (mapper == null) {
          mapper = new ObjectMapper();
        }
        String line;
        do {
          line = lines.readLine();
          if (line == null) {
            return null;
          }
        } while (line.isBlank());
        try {
          return mapper.readValue(line, type);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("Cannot read " + lines.path + ", line " + lines.number + ": not a JSON "
              + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
      }
    };
  }

  /** The next non-empty CSV row (RFC 4180, as the in-process runtime reads it), or null. */
  static List<String> readRow(LineReader lines, char delimiter) throws IOException {
    String line;
    do {
      line = lines.readLine();
      if (line == null) {
        return null;
      }
    } while (line.isEmpty());
    long startLine = lines.number;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (true) {
      if (i == line.length()) {
        if (quoted) {
          String more = lines.readLine();
          if (more == null) {
            throw new IllegalArgumentException("Cannot read " + lines.path + ", line " + startLine
                + ": a quoted field is not closed");
          }
          field.append('\n');
          line = more;
          i = 0;
          continue;
        }
        fields.add(field.toString());
        return fields;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == '\r' && i == line.length()) {
        // the CR of a CRLF line end
      } else {
        field.append(c);
      }
    }
  }

  /** The file's lines, counted. */
  static final class LineReader {
    final String path;
    private final BufferedReader reader;
    long number;

    LineReader(String path) throws IOException {
      this.path = path;
      this.reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
    }

    String readLine() throws IOException {
      String line = reader.readLine();
      if (line != null) {
        number++;
      }
      return line;
    }
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  private final class Reader extends SplitReader {
    private LineReader lines;
    private long records;
    private boolean done;

    @Override
    void open(long position) {
      try {
        lines = new LineReader(path);
        for (long skipped = 0; skipped < position; skipped++) {
          format.next(lines);
        }
        records = position;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path + " in operator '" + operator + "': " + e, e);
      }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) throws IOException {
      if (lines == null || done) {
        return nothingMore();
      }
      Object record = format.next(lines);
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
      return lines == null || done ? List.of() : List.of(splitAt(records));
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.reader.close();
      }
    }
  }
}
