package io.solidstream.runtime.local.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidstream.api.internal.CsvRows;
import io.solidstream.api.stream.io.GeneratorFunction;
import io.solidstream.api.stream.io.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Readers of every {@link Source} kind. */
final class SourceReaders {
  private SourceReaders() {}

  /** Reads one source, a bounded number of records per call, into its {@link SourceOperator}. */
  abstract static class Reader {
    SourceOperator out;

    /** Opens the input. */
    void open(SourceOperator operator) {
      this.out = operator;
    }

    /** Emits up to {@code max} records; returns false when the source is exhausted. */
    abstract boolean poll(int max) throws Exception;

    /** Nanoseconds until the next record is ready, 0 if it is. */
    long waitNanos() {
      return 0;
    }

    /** Whether the source's watermarks are given explicitly instead of generated. */
    boolean explicitWatermarks() {
      return false;
    }

    /** Releases the input. */
    void close() throws IOException {}
  }

  /** In-memory records, with the given timestamps if any. */
  static final class CollectionReader extends Reader {
    private final List<?> elements;
    private final List<Long> timestamps;
    private int next;

    CollectionReader(Source.Collection<?> source) {
      this.elements = source.elements();
      this.timestamps = source.timestamps();
    }

    @Override
    boolean poll(int max) {
      int end = Math.min(elements.size(), next + max);
      for (; next < end; next++) {
        out.collect(elements.get(next), timestamps == null ? StreamOperator.NO_TIMESTAMP : timestamps.get(next));
      }
      return next < elements.size();
    }
  }

  /**
   * Records {@code fn(0), fn(1), ...}; with a positive rate, record {@code i} is due {@code i /
   * rate} seconds after the first, and the driver sleeps until then (never a busy loop).
   */
  static final class GeneratorReader extends Reader {
    private final GeneratorFunction<Object> fn;
    private final long count;
    private final double nanosPerRecord;
    private long next;
    private long startNanos;

    @SuppressWarnings("unchecked")
    GeneratorReader(Source.Generator<?> source) {
      this.fn = (GeneratorFunction<Object>) source.fn();
      this.count = source.count();
      this.nanosPerRecord = source.ratePerSecond() > 0 ? 1e9 / source.ratePerSecond() : 0;
    }

    @Override
    void open(SourceOperator operator) {
      super.open(operator);
      startNanos = System.nanoTime();
    }

    @Override
    boolean poll(int max) {
      long limit = max;
      if (nanosPerRecord > 0) {
        long due = (long) ((System.nanoTime() - startNanos) / nanosPerRecord) + 1;
        limit = Math.min(limit, due - next);
      }
      for (long i = 0; i < limit && (count < 0 || next < count); i++) {
        Object value;
        try {
          value = fn.generate(next);
        } catch (Exception e) {
          throw out.userFailure(e);
        }
        next++;
        out.collect(value, StreamOperator.NO_TIMESTAMP);
      }
      return count < 0 || next < count;
    }

    @Override
    long waitNanos() {
      if (nanosPerRecord <= 0) {
        return 0;
      }
      long dueAt = startNanos + (long) (next * nanosPerRecord);
      return Math.max(0, dueAt - System.nanoTime());
    }
  }

  /** Base of the line-oriented file readers. */
  abstract static class FileReader extends Reader {
    final String path;
    BufferedReader lines;
    long lineNumber;

    FileReader(String path) {
      this.path = path;
    }

    @Override
    void open(SourceOperator operator) {
      super.open(operator);
      try {
        lines = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StreamSourceException(path, 0, e.toString(), e);
      }
    }

    String readLine() {
      try {
        String line = lines.readLine();
        if (line != null) {
          lineNumber++;
        }
        return line;
      } catch (IOException e) {
        throw new StreamSourceException(path, lineNumber + 1, e.toString(), e);
      }
    }

    @Override
    void close() throws IOException {
      if (lines != null) {
        lines.close();
        lines = null;
      }
    }
  }

  /** The lines of a UTF-8 text file. */
  static final class TextFileReader extends FileReader {
    TextFileReader(Source.TextFile source) {
      super(source.path());
    }

    @Override
    boolean poll(int max) {
      for (int i = 0; i < max; i++) {
        String line = readLine();
        if (line == null) {
          return false;
        }
        out.collect(line, StreamOperator.NO_TIMESTAMP);
      }
      return true;
    }
  }

  /** One JSON document per line (blank lines skipped); a bad line fails naming file and line. */
  static final class JsonLinesReader extends FileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Class<?> type;

    JsonLinesReader(Source.JsonLines<?> source) {
      super(source.path());
      this.type = source.type();
    }

    @Override
    boolean poll(int max) {
      for (int i = 0; i < max; i++) {
        String line = readLine();
        if (line == null) {
          return false;
        }
        if (line.isBlank()) {
          continue;
        }
        Object value;
        try {
          value = MAPPER.readValue(line, type);
        } catch (IOException e) {
          String problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage() : e.toString();
          throw new StreamSourceException(path, lineNumber, "not a JSON " + type.getSimpleName() + ": " + problem, e);
        }
        out.collect(value, StreamOperator.NO_TIMESTAMP);
      }
      return true;
    }
  }

  /**
   * CSV rows (RFC 4180): fields separated by the delimiter; a field in double quotes may hold the
   * delimiter, line breaks and doubled quotes ({@code ""} for {@code "}); rows end with LF or
   * CRLF. Empty lines are skipped; the first row is skipped if the source has a header.
   */
  static final class CsvReader extends Reader {
    private final String path;
    private final boolean header;
    private final char delimiter;
    private final Function<List<String>, Object> mapper;
    private CsvRows csv;
    private boolean headerSkipped;

    @SuppressWarnings("unchecked")
    CsvReader(Source.CsvFile<?> source) {
      this.path = source.path();
      this.delimiter = source.delimiter();
      this.header = source.header();
      this.mapper = (Function<List<String>, Object>) (Function<?, ?>) source.mapper();
    }

    @Override
    void open(SourceOperator operator) {
      super.open(operator);
      try {
        csv = CsvRows.open(path, delimiter);
      } catch (IOException e) {
        throw new StreamSourceException(path, 0, e.toString(), e);
      }
    }

    @Override
    boolean poll(int max) {
      for (int i = 0; i < max; i++) {
        List<String> row;
        try {
          row = csv.next();
        } catch (CsvRows.MalformedCsvException e) {
          throw new StreamSourceException(path, e.line(), e.problem(), e);
        } catch (IOException e) {
          throw new StreamSourceException(path, csv.line() + 1, e.toString(), e);
        }
        if (row == null) {
          return false;
        }
        if (header && !headerSkipped) {
          headerSkipped = true;
          continue;
        }
        Object value;
        try {
          value = mapper.apply(row);
        } catch (RuntimeException e) {
          throw out.userFailure(new IllegalArgumentException("CSV file " + path + ", line " + csv.line() + ": " + e, e));
        }
        out.collect(value, StreamOperator.NO_TIMESTAMP);
      }
      return true;
    }

    @Override
    void close() throws IOException {
      if (csv != null) {
        csv.close();
        csv = null;
      }
    }
  }

  /**
   * A scripted test source: elements with their timestamps, explicit watermarks, and
   * processing-time advances that move the (manual) clock and fire due processing-time timers.
   */
  static final class ScriptedReader extends Reader {
    private final List<? extends Source.ScriptStep<?>> steps;
    private int next;

    ScriptedReader(Source.Scripted<?> source) {
      this.steps = source.steps();
    }

    @Override
    boolean explicitWatermarks() {
      return true;
    }

    @Override
    boolean poll(int max) {
      int end = Math.min(steps.size(), next + max);
      while (next < end) {
        Source.ScriptStep<?> step = steps.get(next++);
        if (step instanceof Source.ScriptStep.Element<?> element) {
          out.collect(element.value(), element.timestamp());
        } else if (step instanceof Source.ScriptStep.Watermark<?> watermark) {
          out.explicitWatermark(watermark.timestamp());
        } else if (step instanceof Source.ScriptStep.AdvanceProcessingTime<?> advance) {
          out.task.advanceTo(out.task.now() + advance.millis());
        }
      }
      return next < steps.size();
    }
  }
}
