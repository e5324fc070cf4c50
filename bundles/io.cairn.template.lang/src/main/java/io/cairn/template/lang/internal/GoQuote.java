package io.cairn.template.lang.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's string and rune literal syntax: quoting like strconv.Quote and unquoting like strconv.Unquote. */
final class GoQuote {
    private GoQuote() {
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** The %#U form: {@code U+0041 'A'}. */
    static String unicodeName(int r) {
        String hex = String.format("U+%04X", r);
        return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** strconv.Quote, or strconv.QuoteToASCII when {@code ascii}. */
    static String quote(String s, boolean ascii) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(r -> appendEscaped(b, r, '"', ascii));
        return b.append('"').toString();
    }

    /** strconv.QuoteRune, or QuoteRuneToASCII when {@code ascii}. */
    static String quoteRune(int r, boolean ascii) {
        if (r > Character.MAX_CODE_POINT || r < 0 || (r >= 0xD800 && r <= 0xDFFF)) {
            r = 0xFFFD;
        }
        StringBuilder b = new StringBuilder("'");
        appendEscaped(b, r, '\'', ascii);
        return b.append('\'').toString();
    }

    /** Whether strconv.CanBackquote accepts the string (for %#q). */
    static boolean canBackquote(String s) {
        return s.codePoints().allMatch(r -> r != '`' && r != 0xFEFF && (r == '\t' || (r >= ' ' && r != 0x7f)));
    }

    private static void appendEscaped(StringBuilder b, int r, char quote, boolean ascii) {
        if (r == quote || r == '\\') {
            b.append('\\').appendCodePoint(r);
            return;
        }
        if (ascii ? (r < 0x80 && isPrint(r)) : isPrint(r)) {
            b.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    b.append(String.format("\\x%02x", r));
                } else if (r < 0x10000) {
                    b.append(String.format("\\u%04x", r));
                } else {
                    b.append(String.format("\\U%08x", r));
                }
            }
        }
    }

    /** strconv.Unquote for "..." and `...` literals; null when the literal is malformed. */
    static String unquote(String lit) {
        if (lit.length() < 2) {
            return null;
        }
        char q = lit.charAt(0);
        if (q == '`') {
            return lit.charAt(lit.length() - 1) == '`' ? lit.substring(1, lit.length() - 1).replace("\r", "") : null;
        }
        if (q != '"' || lit.charAt(lit.length() - 1) != '"') {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] i = {1};
        int end = lit.length() - 1;
        while (i[0] < end) {
            if (!unquoteOne(lit, i, end, '"', out)) {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * strconv.UnquoteChar on a whole '...' literal: the rune, -1 when the first character is malformed (Go's
     * "invalid syntax"), -2 when more than one character precedes the closing quote.
     */
    static int unquoteChar(String lit) {
        if (lit.length() < 3 || lit.charAt(0) != '\'') {
            return -1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] i = {1};
        int end = lit.length();
        int[] rune = {-1};
        if (!unquoteOneRune(lit, i, end, '\'', out, rune)) {
            return -1;
        }
        return i[0] == lit.length() - 1 && lit.charAt(i[0]) == '\'' ? rune[0] : -2;
    }

    private static boolean unquoteOne(String s, int[] i, int end, char quote, ByteArrayOutputStream out) {
        return unquoteOneRune(s, i, end, quote, out, new int[1]);
    }

    private static boolean unquoteOneRune(String s, int[] i, int end, char quote, ByteArrayOutputStream out,
            int[] rune) {
        int c = s.codePointAt(i[0]);
        if (c == quote || c == '\n') {
            return false;
        }
        if (c != '\\') {
            i[0] += Character.charCount(c);
            writeRune(out, c);
            rune[0] = c;
            return true;
        }
        if (i[0] + 1 >= end) {
            return false;
        }
        char e = s.charAt(i[0] + 1);
        i[0] += 2;
        int v;
        switch (e) {
            case 'a' -> v = 7;
            case 'b' -> v = '\b';
            case 'f' -> v = '\f';
            case 'n' -> v = '\n';
            case 'r' -> v = '\r';
            case 't' -> v = '\t';
            case 'v' -> v = 11;
            case '\\' -> v = '\\';
            case '\'', '"' -> {
                if (e != quote) {
                    return false;
                }
                v = e;
            }
            case 'x', 'u', 'U' -> {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i[0] + n > end) {
                    return false;
                }
                try {
                    v = Integer.parseUnsignedInt(s.substring(i[0], i[0] + n), 16);
                } catch (NumberFormatException ex) {
                    return false;
                }
                i[0] += n;
                if (e == 'x') {
                    if (quote == '\'') {
                        rune[0] = v;
                    } else {
                        out.write(v); // a single raw byte
                        rune[0] = v;
                    }
                    return true;
                }
                if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    return false;
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i[0] + 2 > end) {
                    return false;
                }
                v = e - '0';
                for (int k = 0; k < 2; k++) {
                    char d = s.charAt(i[0]++);
                    if (d < '0' || d > '7') {
                        return false;
                    }
                    v = v * 8 + (d - '0');
                }
                if (v > 255) {
                    return false;
                }
                if (quote != '\'') {
                    out.write(v);
                }
                rune[0] = v;
                return true;
            }
            default -> {
                return false;
            }
        }
        writeRune(out, v);
        rune[0] = v;
        return true;
    }

    private static void writeRune(ByteArrayOutputStream out, int r) {
        byte[] b = new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
