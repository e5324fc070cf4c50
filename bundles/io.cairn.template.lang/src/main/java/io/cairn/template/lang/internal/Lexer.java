package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import io.cairn.template.lang.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into tokens the way Go's text/template lexer does: text outside actions, trim markers
 * ({@code {{- } and {@code  -}}}), comments that must hug their delimiters, and the items inside actions.
 * Lexing stops at the first error, which becomes an {@link Kind#ERROR} token carrying Go's message.
 */
final class Lexer {
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry(".", Kind.DOT), Map.entry("block", Kind.BLOCK), Map.entry("break", Kind.BREAK),
            Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE), Map.entry("else", Kind.ELSE),
            Map.entry("end", Kind.END), Map.entry("if", Kind.IF), Map.entry("range", Kind.RANGE),
            Map.entry("nil", Kind.NIL), Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));

    private final String input;
    private final String leftDelim;
    private final String rightDelim;
    private final boolean breakOk;
    private final boolean continueOk;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;
    private int parenDepth;
    private int[] newlines;

    Lexer(String input, String leftDelim, String rightDelim, boolean breakOk, boolean continueOk) {
        this.input = input;
        this.leftDelim = leftDelim == null || leftDelim.isEmpty() ? "{{" : leftDelim;
        this.rightDelim = rightDelim == null || rightDelim.isEmpty() ? "}}" : rightDelim;
        this.breakOk = breakOk;
        this.continueOk = continueOk;
    }

    /** All tokens, ending with EOF or ERROR. */
    List<Token> lex() {
        boolean inside = false;
        while (true) {
            boolean more = inside ? lexInsideAction() : lexText();
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            if (last != null && (last.kind() == Kind.EOF || last.kind() == Kind.ERROR)) {
                return tokens;
            }
            inside = more;
        }
    }

    /** 1-based line of offset p; newline offsets are collected once so lexing stays linear. */
    int lineAt(int p) {
        if (newlines == null) {
            newlines = java.util.stream.IntStream.range(0, input.length()).filter(i -> input.charAt(i) == '\n')
                    .toArray();
        }
        int i = java.util.Arrays.binarySearch(newlines, p);
        return 1 + (i >= 0 ? i : -i - 1);
    }

    private void emit(Kind kind) {
        tokens.add(new Token(kind, input.substring(start, pos), start, lineAt(start)));
        start = pos;
    }

    private boolean error(String message) {
        tokens.add(new Token(Kind.ERROR, message, start, lineAt(start)));
        return false;
    }

    private int peek() {
        return pos < input.length() ? input.codePointAt(pos) : -1;
    }

    private int next() {
        if (pos >= input.length()) {
            pos = input.length() + 1; // so that backup() after EOF is harmless
            return -1;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        return r;
    }

    private void backup(int r) {
        pos -= r < 0 ? 1 : Character.charCount(r);
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }

    private static boolean hasLeftTrimMarker(String s, int at) {
        return s.length() >= at + 2 && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
    }

    private static boolean hasRightTrimMarker(String s, int at) {
        return s.length() >= at + 2 && isSpace(s.charAt(at)) && s.charAt(at + 1) == '-';
    }

    /** Returns true when the lexer is now inside an action. */
    private boolean lexText() {
        int x = input.indexOf(leftDelim, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                emit(Kind.TEXT);
            }
            emit(Kind.EOF);
            return false;
        }
        if (x > start) {
            int end = x;
            if (hasLeftTrimMarker(input, x + leftDelim.length())) {
                while (end > start && isSpace(input.charAt(end - 1))) {
                    end--;
                }
            }
            pos = end;
            if (pos > start) {
                emit(Kind.TEXT);
            }
            pos = x;
            start = x;
        }
        return lexLeftDelim();
    }

    private boolean lexLeftDelim() {
        pos += leftDelim.length();
        boolean trim = hasLeftTrimMarker(input, pos);
        int afterMarker = trim ? 2 : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return lexComment();
        }
        emit(Kind.LEFT_DELIM);
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        return true;
    }

    private boolean lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        int delim = atRightDelim();
        if (delim == 0) {
            return error("comment ends before closing delimiter");
        }
        if (delim == 2) {
            pos += 2;
        }
        pos += rightDelim.length();
        if (delim == 2) {
            skipLeadingSpace();
        }
        start = pos;
        return false;
    }

    /** 0: not at a right delimiter; 1: at one; 2: at a trim-marked one (" -" then the delimiter). */
    private int atRightDelim() {
        if (hasRightTrimMarker(input, pos) && input.startsWith(rightDelim, pos + 2)) {
            return 2;
        }
        return input.startsWith(rightDelim, pos) ? 1 : 0;
    }

    private void skipLeadingSpace() {
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
        }
    }

    private boolean lexRightDelim(boolean trim) {
        if (trim) {
            pos += 2;
            start = pos;
        }
        pos += rightDelim.length();
        emit(Kind.RIGHT_DELIM);
        if (trim) {
            skipLeadingSpace();
            start = pos;
        }
        return false;
    }

    private boolean lexInsideAction() {
        int delim = atRightDelim();
        if (delim != 0) {
            if (parenDepth == 0) {
                return lexRightDelim(delim == 2);
            }
            return error("unclosed left paren");
        }
        int r = next();
        if (r < 0) {
            return error("unclosed action");
        } else if (isSpace(r)) {
            backup(r);
            return lexSpace();
        } else if (r == '=') {
            emit(Kind.ASSIGN);
        } else if (r == ':') {
            if (next() != '=') {
                return error("expected :=");
            }
            emit(Kind.DECLARE);
        } else if (r == '|') {
            emit(Kind.PIPE);
        } else if (r == '"') {
            return lexQuote();
        } else if (r == '`') {
            return lexRawQuote();
        } else if (r == '$') {
            return lexFieldOrVariable(Kind.VARIABLE);
        } else if (r == '\'') {
            return lexChar();
        } else if (r == '.' && !(pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9')) {
            return lexFieldOrVariable(Kind.FIELD);
        } else if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup(r);
            return lexNumber();
        } else if (isAlphaNumeric(r)) {
            backup(r);
            return lexIdentifier();
        } else if (r == '(') {
            emit(Kind.LEFT_PAREN);
            parenDepth++;
        } else if (r == ')') {
            parenDepth--;
            if (parenDepth < 0) {
                return error("unexpected right paren");
            }
            emit(Kind.RIGHT_PAREN);
        } else if (r < 0x7f && r >= 0x20) {
            emit(Kind.CHAR);
        } else {
            return error("unrecognized character in action: " + GoLiterals.unicodeName(r));
        }
        return true;
    }

    private boolean lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        // A trim-marked closing delimiter starts with a space: leave that space to the delimiter.
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(rightDelim, pos + 1)) {
            pos--;
            if (numSpaces == 1) {
                return true;
            }
        }
        emit(Kind.SPACE);
        return true;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        if (r == -1 || r == '.' || r == ',' || r == '|' || r == ':' || r == ')' || r == '(') {
            return true;
        }
        return input.startsWith(rightDelim, pos);
    }

    private boolean lexIdentifier() {
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        if (!atTerminator()) {
            return error("bad character " + GoLiterals.unicodeName(r));
        }
        String word = input.substring(start, pos);
        Kind key = KEYWORDS.get(word);
        if (key != null && key != Kind.DOT) {
            if ((key == Kind.BREAK && !breakOk) || (key == Kind.CONTINUE && !continueOk)) {
                emit(Kind.IDENTIFIER);
            } else {
                emit(key);
            }
        } else if (word.equals("true") || word.equals("false")) {
            emit(Kind.BOOL);
        } else {
            emit(Kind.IDENTIFIER);
        }
        return true;
    }

    private boolean lexFieldOrVariable(Kind kind) {
        if (atTerminator()) {
            emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
            return true;
        }
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        if (!atTerminator()) {
            return error("bad character " + GoLiterals.unicodeName(r));
        }
        emit(kind);
        return true;
    }

    private boolean lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != -1 && r != '\n') {
                    continue;
                }
            }
            if (r == -1 || r == '\n') {
                return error("unterminated character constant");
            }
            if (r == '\'') {
                break;
            }
        }
        emit(Kind.CHAR_CONSTANT);
        return true;
    }

    private boolean lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != -1 && r != '\n') {
                    continue;
                }
            }
            if (r == -1 || r == '\n') {
                return error("unterminated quoted string");
            }
            if (r == '"') {
                break;
            }
        }
        emit(Kind.STRING);
        return true;
    }

    private boolean lexRawQuote() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            return error("unterminated raw quoted string");
        }
        pos = end + 1;
        emit(Kind.RAW_STRING);
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoQuote.quote(input.substring(start, Math.min(pos, input.length()))));
        }
        emit(Kind.NUMBER);
        return true;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r >= 0 && valid.indexOf(r) >= 0) {
            return true;
        }
        backup(r);
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }
}
