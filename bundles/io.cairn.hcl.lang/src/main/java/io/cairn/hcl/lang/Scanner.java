package io.cairn.hcl.lang;

import io.cairn.hcl.lang.Token.Kind;

/**
 * Splits HCL 1 source into tokens the way hashicorp/hcl v1's scanner does, including its positions (columns count
 * characters; at the end of input each further read moves one column on) and its quirks: a number's text is what
 * that scanner takes for it ({@code 0ex} is one FLOAT), and errors do not stop scanning. Only the last error is kept,
 * because that is the one hcl v1 reports.
 */
final class Scanner {
    /** What {@link #next()} gives at the end of input (and for a NUL character, as hcl v1 does). */
    private static final int EOF = -1;
    private static final int REPLACEMENT = 0xFFFD;

    private final int[] src;
    private int offset;
    private int line = 1;
    private int column;
    private int prevOffset;
    private int prevLine;
    private int prevColumn;
    private int lastCharLen;
    private int lastLineLen;
    private HclException lastError;

    Scanner(String text) {
        this.src = text.codePoints().toArray();
    }

    /** The last error met so far, or null. */
    HclException lastError() {
        return lastError;
    }

    /** The next token, comments included; at the end of input an EOF token, again and again. */
    Token scan() {
        int ch = next();
        while (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            ch = next();
        }
        int start = offset - lastCharLen;
        Position pos = column > 0 ? new Position(line, column) : new Position(line - 1, lastLineLen);
        Kind kind;
        if (isLetter(ch)) {
            String ident = scanIdentifier(start);
            kind = ident.equals("true") || ident.equals("false") ? Kind.BOOL : Kind.IDENT;
        } else if (isDecimal(ch)) {
            kind = scanNumber(ch);
        } else {
            kind = scanOther(ch);
        }
        return new Token(kind, pos, new String(src, start, offset - start));
    }

    private Kind scanOther(int ch) {
        switch (ch) {
            case EOF:
                return Kind.EOF;
            case '"':
                scanString();
                return Kind.STRING;
            case '#', '/':
                scanComment(ch);
                return Kind.COMMENT;
            case '.':
                if (isDecimal(peek())) {
                    scanExponent(scanMantissa(peek()));
                    return Kind.FLOAT;
                }
                return Kind.PERIOD;
            case '<':
                scanHeredoc();
                return Kind.HEREDOC;
            case '[':
                return Kind.LBRACK;
            case ']':
                return Kind.RBRACK;
            case '{':
                return Kind.LBRACE;
            case '}':
                return Kind.RBRACE;
            case ',':
                return Kind.COMMA;
            case '=':
                return Kind.ASSIGN;
            case '+':
                return Kind.ADD;
            case '-':
                if (isDecimal(peek())) {
                    return scanNumber(next());
                }
                return Kind.SUB;
            default:
                error("illegal char");
                return Kind.ILLEGAL;
        }
    }

    private int next() {
        if (offset >= src.length) {
            column++;
            lastCharLen = 0;
            return EOF;
        }
        prevOffset = offset;
        prevLine = line;
        prevColumn = column;
        int ch = src[offset++];
        column++;
        lastCharLen = 1;
        if (ch <= Character.MAX_VALUE && Character.isSurrogate((char) ch)) {
            error("illegal UTF-8 encoding");
            return REPLACEMENT;
        }
        if (ch == '\n') {
            line++;
            lastLineLen = column;
            column = 0;
        }
        if (ch == 0) {
            error("unexpected null character (0x00)");
            return EOF;
        }
        if (ch == 0xE123) {
            error("unicode code point U+E123 reserved for internal use");
            return REPLACEMENT;
        }
        return ch;
    }

    private void unread() {
        offset = prevOffset;
        line = prevLine;
        column = prevColumn;
    }

    private int peek() {
        if (offset >= src.length || src[offset] == 0) {
            return EOF;
        }
        int ch = src[offset];
        return ch <= Character.MAX_VALUE && Character.isSurrogate((char) ch) ? REPLACEMENT : ch;
    }

    private void error(String message) {
        Position pos;
        if (column > 0) {
            pos = new Position(line, column);
        } else if (lastLineLen > 0) {
            pos = new Position(line - 1, lastLineLen);
        } else {
            pos = new Position(1, 1);
        }
        lastError = pos.error(message);
    }

    private String scanIdentifier(int start) {
        int ch = next();
        while (isLetter(ch) || isDigit(ch) || ch == '-' || ch == '.') {
            ch = next();
        }
        if (ch != EOF) {
            unread();
        }
        return new String(src, start, offset - start);
    }

    private void scanComment(int first) {
        if (first == '#' || peek() != '*') {
            if (first == '/' && peek() != '/') {
                error("expected '/' for comment");
                return;
            }
            int ch = next();
            while (ch != '\n' && ch != EOF) {
                ch = next();
            }
            if (ch != EOF) {
                unread();
            }
            return;
        }
        next();
        int ch = next();
        while (true) {
            if (ch == EOF) {
                error("comment not terminated");
                return;
            }
            int before = ch;
            ch = next();
            if (before == '*' && ch == '/') {
                return;
            }
        }
    }

    private Kind scanNumber(int first) {
        int ch = first;
        if (ch == '0') {
            ch = next();
            if (ch == 'x' || ch == 'X') {
                ch = next();
                boolean found = false;
                while (isHexadecimal(ch)) {
                    ch = next();
                    found = true;
                }
                if (!found) {
                    error("illegal hexadecimal number");
                }
                if (ch != EOF) {
                    unread();
                }
                return Kind.NUMBER;
            }
            // An 8 or 9 is fine in a float (0159.23) but not in an octal number (0159).
            boolean illegalOctal = false;
            while (isDecimal(ch)) {
                ch = next();
                if (ch == '8' || ch == '9') {
                    illegalOctal = true;
                }
            }
            if (ch == 'e' || ch == 'E') {
                scanExponent(ch);
                return Kind.FLOAT;
            }
            if (ch == '.') {
                scanFractionAndExponent();
                return Kind.FLOAT;
            }
            if (illegalOctal) {
                error("illegal octal number");
            }
            if (ch != EOF) {
                unread();
            }
            return Kind.NUMBER;
        }
        scanMantissa(ch);
        ch = next();
        if (ch == 'e' || ch == 'E') {
            scanExponent(ch);
            return Kind.FLOAT;
        }
        if (ch == '.') {
            scanFractionAndExponent();
            return Kind.FLOAT;
        }
        if (ch != EOF) {
            unread();
        }
        return Kind.NUMBER;
    }

    /** After a consumed '.': the digits (peeked first, as hcl v1 does) and an exponent. */
    private void scanFractionAndExponent() {
        int ch = scanMantissa(peek());
        if (ch == 'e' || ch == 'E') {
            scanExponent(next());
        }
    }

    /** Consumes decimal digits starting with {@code ch}; gives the first other character, put back. */
    private int scanMantissa(int ch) {
        boolean scanned = false;
        while (isDecimal(ch)) {
            ch = next();
            scanned = true;
        }
        if (scanned && ch != EOF) {
            unread();
        }
        return ch;
    }

    private int scanExponent(int ch) {
        if (ch == 'e' || ch == 'E') {
            ch = next();
            if (ch == '-' || ch == '+') {
                ch = next();
            }
            ch = scanMantissa(ch);
        }
        return ch;
    }

    private void scanHeredoc() {
        if (next() != '<') {
            error("heredoc expected second '<', didn't see it");
            return;
        }
        int anchorStart = offset;
        int ch = next();
        if (ch == '-') {
            ch = next();
        }
        while (isLetter(ch) || isDigit(ch)) {
            ch = next();
        }
        if (ch == EOF) {
            error("heredoc not terminated");
            return;
        }
        if (ch == '\r' && peek() == '\n') {
            ch = next();
        }
        if (ch != '\n') {
            error("invalid characters in heredoc anchor");
            return;
        }
        String ident = new String(src, anchorStart, offset - lastCharLen - anchorStart);
        if (ident.isEmpty() || ident.equals("-")) {
            error("zero-length heredoc anchor");
            return;
        }
        String anchor = ident.startsWith("-") ? ident.substring(1) : ident;
        int identBytes = Heredoc.utf8Length(ident);
        int lineStart = offset;
        while (true) {
            ch = next();
            if (ch == '\n') {
                String text = new String(src, lineStart, offset - lastCharLen - lineStart);
                if (Heredoc.utf8Length(text) >= identBytes && Heredoc.isTerminator(text, anchor)) {
                    return;
                }
                lineStart = offset;
            }
            if (ch == EOF) {
                error("heredoc not terminated");
                return;
            }
        }
    }

    private void scanString() {
        int braces = 0;
        while (true) {
            int ch = next();
            if ((ch == '\n' && braces == 0) || ch == EOF) {
                error("literal not terminated");
                return;
            }
            if (ch == '"' && braces == 0) {
                return;
            }
            // Inside ${...} quotes and newlines do not end the string.
            if (braces == 0 && ch == '$' && peek() == '{') {
                braces++;
                next();
            } else if (braces > 0 && ch == '{') {
                braces++;
            }
            if (braces > 0 && ch == '}') {
                braces--;
            }
            if (ch == '\\') {
                scanEscape();
            }
        }
    }

    private void scanEscape() {
        int ch = next();
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"' -> {
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> scanDigits(ch, 8, 3);
            case 'x' -> scanDigits(next(), 16, 2);
            case 'u' -> scanDigits(next(), 16, 4);
            case 'U' -> scanDigits(next(), 16, 8);
            default -> error("illegal char escape");
        }
    }

    private void scanDigits(int ch, int base, int count) {
        int left = count;
        while (left > 0 && digitValue(ch) < base) {
            ch = next();
            if (ch == EOF) {
                break;
            }
            left--;
        }
        if (left > 0) {
            error("illegal char escape");
        }
        if (left != count && ch != EOF) {
            unread();
        }
    }

    private static boolean isLetter(int ch) {
        return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || ch == '_' || ch >= 0x80 && Character.isLetter(ch);
    }

    private static boolean isDigit(int ch) {
        return '0' <= ch && ch <= '9' || ch >= 0x80 && Character.isDigit(ch);
    }

    private static boolean isDecimal(int ch) {
        return '0' <= ch && ch <= '9';
    }

    private static boolean isHexadecimal(int ch) {
        return digitValue(ch) < 16;
    }

    private static int digitValue(int ch) {
        if ('0' <= ch && ch <= '9') {
            return ch - '0';
        }
        if ('a' <= ch && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if ('A' <= ch && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return 16;
    }
}
