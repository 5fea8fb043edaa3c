package io.solidstream.api.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF
 * or LF), read with Jackson's CSV parser; empty lines are skipped. Every runtime reads
 * {@code Source.CsvFile} with this class, so they agree on what a row is.
 */
public final class CsvRows implements Closeable {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final String path;
  private final Reader reader;
  private final MappingIterator<List<String>> rows;
  private long line;

  private CsvRows(String path, Reader reader, char delimiter) throws IOException {
    this.path = path;
    this.reader = reader;
    this.rows = MAPPER.readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
        .readValues(reader);
  }

  /** Opens the UTF-8 file at {@code path}. */
  public static CsvRows open(String path, char delimiter) throws IOException {
    return new CsvRows(path, Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8), delimiter);
  }

  /**
   * The next row, or {@code null} at the end of the file.
   *
   * @throws MalformedCsvException for malformed CSV, naming the file and line
   */
  public List<String> next() throws IOException {
    try {
      if (!rows.hasNextValue()) {
        return null;
      }
      List<String> row = rows.nextValue();
      line = rows.getParser().currentTokenLocation().getLineNr();
      return row;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new MalformedCsvException(path, at == null ? line + 1 : at.getLineNr(), e.getOriginalMessage(), e);
    }
  }

  /** The line on which the row last returned by {@link #next()} starts. */
  public long line() {
    return line;
  }

  /** Malformed CSV: the message reads {@code Cannot read <file>, line <n>: <problem>}. */
  public static final class MalformedCsvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String problem;

    MalformedCsvException(String path, long line, String problem, Throwable cause) {
      super("Cannot read " + path + ", line " + line + ": " + problem, cause);
      this.line = line;
      this.problem = problem;
    }

    /** The line where the parser found the problem. */
    public long line() {
      return line;
    }

    /** What is wrong, without file and line. */
    public String problem() {
      return problem;
    }
  }

  @Override
  public void close() throws IOException {
    rows.close();
    reader.close();
  }
}
