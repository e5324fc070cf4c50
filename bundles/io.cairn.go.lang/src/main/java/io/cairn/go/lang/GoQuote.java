package io.cairn.go.lang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote}, which is also what {@code %q} and {@code %#v} print for a string: the text in
 * double quotes, printable characters (Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation,
 * symbols and the ASCII space) kept as they are, {@code "} and {@code \} backslashed, {@code \a \b \f \n \r \t \v}
 * for those controls, {@code \xNN} for other ASCII controls and DEL, <code>&#92;uNNNN</code> or
 * <code>&#92;UNNNNNNNN</code> for any other character that is not printable. An unpaired surrogate, which would
 * be invalid UTF-8 in Go, is written as the {@code \xNN} escapes of the three bytes Go would see. Also
 * {@code strconv.QuoteToASCII} (the {@code %+q} form, every non-ASCII character escaped) and the rune forms
 * {@code strconv.QuoteRune} and {@code QuoteRuneToASCII} (single quotes, {@code '} backslashed instead of
 * {@code "}).
 *
 * <p>The other way, {@link #unquote} is {@code strconv.Unquote} and {@link #unquoteChar} is
 * {@code strconv.UnquoteChar}. Escapes that give bytes rather than characters ({@code \xNN} and octal
 * {@code \NNN}) are collected as UTF-8 and decoded, so {@code "\xc3\xa9"} is {@code é}; a byte sequence that
 * is not UTF-8 becomes U+FFFD, as a Java string cannot hold it.
 */
public final class GoQuote {
    private static final String SYNTAX = "invalid syntax";
    private static final String HEX = "0123456789abcdef";

    private GoQuote() {
    }

    /** Quotes {@code s} as {@code strconv.Quote} does. */
    public static String quote(String s) {
        return quote(s, false);
    }

    /** Quotes {@code s} as {@code strconv.QuoteToASCII} does: like {@link #quote}, with only ASCII kept. */
    public static String quoteToAscii(String s) {
        return quote(s, true);
    }

    /**
     * Quotes the code point {@code r} as {@code strconv.QuoteRune} does: {@code 'a'}, {@code '\''},
     * {@code '\n'}; a value that is no Unicode scalar value (a surrogate, negative, beyond U+10FFFF) is quoted as
     * U+FFFD, as Go does.
     */
    public static String quoteRune(int r) {
        return quoteRune(r, false);
    }

    /** Quotes the code point {@code r} as {@code strconv.QuoteRuneToASCII} does: <code>'&#92;u263a'</code>. */
    public static String quoteRuneToAscii(int r) {
        return quoteRune(r, true);
    }

    private static String quote(String s, boolean ascii) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length();) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscaped(out, r, '"', ascii);
        }
        return out.append('"').toString();
    }

    private static String quoteRune(int r, boolean ascii) {
        boolean scalarValue = r >= 0 && r <= Character.MAX_CODE_POINT && !isSurrogate(r);
        StringBuilder out = new StringBuilder("'");
        appendEscaped(out, scalarValue ? r : 0xfffd, '\'', ascii);
        return out.append('\'').toString();
    }

    /**
     * Go's {@code unicode.IsPrint}, for the Unicode version of the running Java: letters, marks, numbers,
     * punctuation, symbols and the ASCII space are printable; controls, format characters, other spaces,
     * surrogates, private-use and unassigned code points are not.
     */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void appendEscaped(StringBuilder out, int r, char quote, boolean ascii) {
        if (r == quote || r == '\\') {
            out.append('\\').appendCodePoint(r);
            return;
        }
        if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    hex(out.append("\\x"), r, 2);
                } else if (isSurrogate(r)) {
                    // The CESU-8 bytes of a lone surrogate are invalid UTF-8, which Go escapes byte by byte.
                    hex(out.append("\\x"), 0xe0 | r >> 12, 2);
                    hex(out.append("\\x"), 0x80 | r >> 6 & 0x3f, 2);
                    hex(out.append("\\x"), 0x80 | r & 0x3f, 2);
                } else if (r < 0x10000) {
                    hex(out.append("\\u"), r, 4);
                } else {
                    hex(out.append("\\U"), r, 8);
                }
            }
        }
    }

    private static boolean isSurrogate(int r) {
        return r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE;
    }

    private static void hex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX.charAt(value >> shift & 0xf));
        }
    }

    /**
     * {@code strconv.Unquote}: the value of a Go string literal, quotes included: double-quoted with escapes,
     * backquoted (raw, carriage returns dropped), or single-quoted holding exactly one character.
     *
     * @throws IllegalArgumentException with Go's message {@code invalid syntax} if {@code literal} is not one
     */
    public static String unquote(String literal) {
        int end = literal.length() - 1;
        char quote = literal.isEmpty() ? 0 : literal.charAt(0);
        if (end < 1 || literal.charAt(end) != quote) {
            throw new IllegalArgumentException(SYNTAX);
        }
        if (quote == '`') {
            String body = literal.substring(1, end);
            if (body.indexOf('`') >= 0) {
                throw new IllegalArgumentException(SYNTAX);
            }
            return body.replace("\r", "");
        }
        if (quote != '"' && quote != '\'' || quote == '\'' && end == 1) {
            throw new IllegalArgumentException(SYNTAX);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        int i = 1;
        while (i < end) {
            if (literal.charAt(i) == '\n') {
                throw new IllegalArgumentException(SYNTAX);
            }
            UnquotedChar c = unquoteChar(literal, i, quote);
            c.appendTo(out);
            i = c.end();
            if (quote == '\'') {
                break;
            }
        }
        if (i != end) {
            throw new IllegalArgumentException(SYNTAX);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@code strconv.UnquoteChar}: decodes the character or escape sequence at {@code index} of {@code s}, within
     * a literal quoted by {@code quote} ({@code "} or {@code '}): that quote must be escaped, the other one must
     * not be. An unpaired surrogate, Go's invalid UTF-8, decodes as U+FFFD.
     *
     * @throws IllegalArgumentException with Go's message {@code invalid syntax} for an unescaped {@code quote},
     *         a malformed escape, or {@code index} at the end of {@code s}
     */
    public static UnquotedChar unquoteChar(String s, int index, char quote) {
        if (index >= s.length() || s.charAt(index) == quote && (quote == '"' || quote == '\'')) {
            throw new IllegalArgumentException(SYNTAX);
        }
        int c = s.codePointAt(index);
        if (c != '\\') {
            int next = index + Character.charCount(c);
            return new UnquotedChar(isSurrogate(c) ? 0xfffd : c, c >= 0x80, next);
        }
        if (index + 1 >= s.length()) {
            throw new IllegalArgumentException(SYNTAX);
        }
        char e = s.charAt(index + 1);
        int next = index + 2;
        return switch (e) {
            case 'a' -> new UnquotedChar(0x07, false, next);
            case 'b' -> new UnquotedChar('\b', false, next);
            case 'f' -> new UnquotedChar('\f', false, next);
            case 'n' -> new UnquotedChar('\n', false, next);
            case 'r' -> new UnquotedChar('\r', false, next);
            case 't' -> new UnquotedChar('\t', false, next);
            case 'v' -> new UnquotedChar(0x0b, false, next);
            case '\\' -> new UnquotedChar('\\', false, next);
            case '\'', '"' -> {
                if (e != quote) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                yield new UnquotedChar(e, false, next);
            }
            case 'x' -> new UnquotedChar((int) unhex(s, next, 2), false, next + 2);
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                long r = unhex(s, next, digits);
                if (r > Character.MAX_CODE_POINT || isSurrogate((int) r)) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                yield new UnquotedChar((int) r, true, next + digits);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = e - '0';
                for (int k = next; k < next + 2; k++) {
                    char d = k < s.length() ? s.charAt(k) : 0;
                    if (d < '0' || d > '7') {
                        throw new IllegalArgumentException(SYNTAX);
                    }
                    v = v << 3 | d - '0';
                }
                if (v > 0xff) {
                    throw new IllegalArgumentException(SYNTAX);
                }
                yield new UnquotedChar(v, false, next + 2);
            }
            default -> throw new IllegalArgumentException(SYNTAX);
        };
    }

    /** The value of {@code digits} ASCII hex digits at {@code from}. */
    private static long unhex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            throw new IllegalArgumentException(SYNTAX);
        }
        long v = 0;
        for (int k = from; k < from + digits; k++) {
            char c = s.charAt(k);
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                throw new IllegalArgumentException(SYNTAX);
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * One decoded character or escape, as {@link #unquoteChar} gives it.
     *
     * @param value the character's code point, or the byte of a {@code \xNN} or octal escape
     * @param multibyte whether {@code value} stands for a character to write as UTF-8 rather than for one byte
     *        (Go's {@code multibyte}); for values below 0x80 the two are the same
     * @param end the index in the text just after what was decoded
     */
    public record UnquotedChar(int value, boolean multibyte, int end) {
        /** Writes what Go's {@code Unquote} appends for this character: its UTF-8 bytes, or the one byte. */
        public void appendTo(ByteArrayOutputStream out) {
            if (multibyte) {
                out.writeBytes(new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(value);
            }
        }
    }
}
