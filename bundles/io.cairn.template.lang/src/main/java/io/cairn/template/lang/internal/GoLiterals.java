package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's string and rune literals as the template lexer reads them: unquoting like {@code strconv.Unquote}, the
 * {@code %#q} and {@code %#U} forms; quoting itself is {@link GoQuote}'s.
 */
final class GoLiterals {
    private GoLiterals() {
    }

    /** The %#U form: {@code U+0041 'A'}. */
    static String unicodeName(int r) {
        String hex = String.format("U+%04X", r);
        return GoQuote.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** Whether strconv.CanBackquote accepts the string (for %#q). */
    static boolean canBackquote(String s) {
        return s.codePoints().allMatch(r -> r != '`' && r != 0xFEFF && (r == '\t' || (r >= ' ' && r != 0x7f)));
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
