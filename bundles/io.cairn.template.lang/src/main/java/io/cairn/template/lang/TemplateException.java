package io.cairn.template.lang;

/**
 * A parse or execution error, worded as Go's text/template words it: {@code template: NAME:LINE: MESSAGE} for
 * syntax errors and {@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE} for execution errors,
 * where the column is Go's 0-based byte offset within the line.
 */
public class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String templateName;
    private final int line;
    private final int column;

    /**
     * @param message the complete message
     * @param templateName the template (or text) the error is located in
     * @param line 1-based line, 0 if unknown
     * @param column 0-based byte column, -1 if unknown
     * @param cause what a function threw, or null
     */
    public TemplateException(String message, String templateName, int line, int column, Throwable cause) {
        super(message, cause);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    /** The name of the template or text where the error was found. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line of the error, 0 when it has no position. */
    public int line() {
        return line;
    }

    /**
     * 0-based byte column of the error within its line (for syntax errors: of the token the parser stopped at),
     * -1 when it has no position.
     */
    public int column() {
        return column;
    }
}
