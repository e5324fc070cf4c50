package io.cairn.go.lang;

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
 */
public final class GoQuote {
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
}
