package io.cairn.hcl.lang;

/** One token of HCL 1 source: its kind, where it starts and its exact source text. */
record Token(Kind kind, Position pos, String text) {

    /** hcl v1's token kinds, named as its error messages name them. */
    enum Kind {
        ILLEGAL, EOF, COMMENT, IDENT, NUMBER, FLOAT, BOOL, STRING, HEREDOC, LBRACK, LBRACE, COMMA, PERIOD, RBRACK,
        RBRACE, ASSIGN, ADD, SUB;

        boolean isLiteral() {
            return this == NUMBER || this == FLOAT || this == BOOL || this == STRING || this == HEREDOC;
        }
    }

    /** The token as hcl v1 prints it in its {@code Unknown token} error: position, kind and text. */
    String describe() {
        return pos + " " + kind + " " + text;
    }
}
