package io.solidstream.runtime.flink.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.function.SerializableFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded Source V2 reading the records of one UTF-8 file in order, in one split: CSV rows
 * (RFC 4180, quoted fields may span lines) or JSON documents, one per line. Blank lines are
 * skipped; a bad line fails the job naming the file and line; a failing CSV mapper fails it with
 * a {@link io.solidstream.api.solid.UserCodeException} naming the source.
 */
final class FileRowsSource implements Source<Object, FileRowsSource.Split, Boolean> {
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

  /** The one split: how many records were read. */
  record Split(long records) implements SourceSplit {
    @Override
    public String splitId() {
      return "file";
    }
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Split, Boolean> createEnumerator(SplitEnumeratorContext<Split> context) {
    return new Enumerator(context, false);
  }

  @Override
  public SplitEnumerator<Split, Boolean> restoreEnumerator(SplitEnumeratorContext<Split> context, Boolean assigned) {
    return new Enumerator(context, assigned);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Split split) {
        return ByteBuffer.allocate(8).putLong(split.records()).array();
      }

      @Override
      public Split deserialize(int version, byte[] bytes) {
        return new Split(ByteBuffer.wrap(bytes).getLong());
      }
    };
  }

  @Override
  public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public byte[] serialize(Boolean assigned) {
        return new byte[] {(byte) (assigned ? 1 : 0)};
      }

      @Override
      public Boolean deserialize(int version, byte[] bytes) {
        return bytes[0] == 1;
      }
    };
  }

  @Override
  public SourceReader<Object, Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  /** Gives the split to subtask 0; every reader then learns there are no more. */
  private static final class Enumerator implements SplitEnumerator<Split, Boolean> {
    private final SplitEnumeratorContext<Split> context;
    private boolean assigned;

    Enumerator(SplitEnumeratorContext<Split> context, boolean assigned) {
      this.context = context;
      this.assigned = assigned;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<Split> splits, int subtaskId) {
      for (Split split : splits) {
        context.assignSplit(split, subtaskId);
      }
    }

    @Override
    public void addReader(int subtaskId) {
      if (!assigned && subtaskId == 0) {
        context.assignSplit(new Split(0), subtaskId);
        assigned = true;
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public Boolean snapshotState(long checkpointId) {
      return assigned;
    }

    @Override
    public void close() {}
  }

  private final class Reader implements SourceReader<Object, Split> {
    private LineReader lines;
    private long records;
    private boolean done;
    private boolean noMoreSplits;
    private final CompletableFuture<Void> available = new CompletableFuture<>();

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) throws IOException {
      if (lines == null || done) {
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
      Object record = format.next(lines);
      if (record == null) {
        done = true;
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
      records++;
      output.collect(record);
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return lines == null || done ? List.of() : List.of(new Split(records));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return available;
    }

    @Override
    public void addSplits(List<Split> splits) {
      for (Split split : splits) {
        try {
          lines = new LineReader(path);
          for (long skipped = 0; skipped < split.records(); skipped++) {
            format.next(lines);
          }
          records = split.records();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + path + " in operator '" + operator + "': " + e, e);
        }
      }
      available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
      available.complete(null);
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.reader.close();
      }
    }
  }
}
