package io.cairn.hcl.lang;

/**
 * Input that HCL 1 refuses. The message is hashicorp/hcl v1's error text, prefixed with the position as it prints
 * one ({@code At 3:7: illegal char}); errors that hcl v1 reports without a position (a number out of range, say)
 * have no prefix and {@link #line()} and {@link #column()} of 0.
 */
public final class HclException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** An error at {@code line}:{@code column} (1-based; 0 and 0 for none) with hcl v1's text {@code detail}. */
    public HclException(int line, int column, String detail) {
        super(line > 0 ? "At " + line + ":" + column + ": " + detail : detail);
        this.line = line;
        this.column = column;
    }

    /** An error hcl v1 reports without a position. */
    public HclException(String detail) {
        this(0, 0, detail);
    }

    /** An error hcl v1 reports at an unknown position, {@code At -: detail}. */
    static HclException atUnknownPosition(String detail) {
        return new HclException("At -: " + detail);
    }

    /** The 1-based line of the error, or 0 when it has no position. */
    public int line() {
        return line;
    }

    /** The 1-based column (in characters) of the error, or 0 when it has no position. */
    public int column() {
        return column;
    }
}
