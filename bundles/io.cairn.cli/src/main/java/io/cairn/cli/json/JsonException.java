package io.cairn.cli.json;

/** Text that is not valid JSON; {@link #line()} and {@link #column()} point at the offending character (1-based). */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  JsonException(String problem, int line, int column) {
    super(problem);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** "line L, column C: problem". */
  public String describe() {
    return "line " + line + ", column " + column + ": " + getMessage();
  }
}
