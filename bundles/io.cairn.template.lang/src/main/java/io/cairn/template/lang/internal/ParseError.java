package io.cairn.template.lang.internal;

/** A syntax error, already worded as Go words it ("template: name:line: ..."). */
public final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String templateName;
    private final int line;
    private final int column;

    ParseError(String message, String templateName, int line, int column) {
        super(message, null, false, false);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    public String templateName() {
        return templateName;
    }

    public int line() {
        return line;
    }

    /** 0-based byte column of the token the parser stopped at. */
    public int column() {
        return column;
    }
}
