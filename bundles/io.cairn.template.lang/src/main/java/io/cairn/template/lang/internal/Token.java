package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;

/** One lexical item: its kind, its source text, and where it starts (byte offset into the UTF-16 text, 1-based line). */
record Token(Kind kind, String val, int pos, int line) {

    enum Kind {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN,
        NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // keywords: printed as <word> in messages
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** The way Go's parser quotes a token in "unexpected ..." messages. */
    @Override
    public String toString() {
        if (kind == Kind.EOF) {
            return "EOF";
        }
        if (kind == Kind.ERROR) {
            return val;
        }
        if (kind.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoQuote.quote(val);
    }
}
