package io.cairn.hcl.lang;

/** A 1-based line and column (in characters) in HCL source; line 0 is hcl v1's invalid position, printed {@code -}. */
record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);

    HclException error(String detail) {
        return line > 0 ? new HclException(line, column, detail) : HclException.atUnknownPosition(detail);
    }

    @Override
    public String toString() {
        return line > 0 ? line + ":" + column : "-";
    }
}
