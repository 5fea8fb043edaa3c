package io.solidstream.api.config;

/**
 * Thrown when a run config document cannot be parsed or its top-level value is not a mapping.
 *
 * <p>The message names the source (file path or {@code <string>}), the line and column when known,
 * and the problem.
 */
public class RunConfigParseException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param source the file path or {@code <string>}
   * @param line the 1-based line of the problem, or -1 if unknown
   * @param column the 1-based column of the problem, or -1 if unknown
   * @param problem what is wrong
   * @param cause the parser exception, or null
   */
  public RunConfigParseException(String source, int line, int column, String problem, Throwable cause) {
    super(render(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the file path or {@code <string>} the document came from.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line, or -1 if unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column, or -1 if unknown
   */
  public int column() {
    return column;
  }

  private static String render(String source, int line, int column, String problem) {
    StringBuilder text = new StringBuilder("Invalid run config in ").append(source);
    if (line > 0) {
      text.append(" at line ").append(line);
      if (column > 0) {
        text.append(", column ").append(column);
      }
    }
    return text.append(": ").append(problem).toString();
  }
}
