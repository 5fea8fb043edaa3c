package io.solidstream.runtime.local.stream;

/**
 * A stream source could not read its input: a missing or unreadable file, or a line that does not
 * parse. The message names the file and, where known, the line number ({@link #line()}, 1-based).
 */
public final class StreamSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /**
   * A failure reading {@code file}.
   *
   * @param file the file being read
   * @param line the 1-based line number, or 0 if the whole file failed
   * @param problem what went wrong
   * @param cause the underlying exception, may be null
   */
  public StreamSourceException(String file, long line, String problem, Throwable cause) {
    super("Cannot read " + file + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  /** The file that failed. */
  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 if the failure is not about one line. */
  public long line() {
    return line;
  }
}
