package io.cairn.hcl.lang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.cairn.go.lang.GoQuote;

/**
 * The Go conversions hcl v1's decoder applies to token text: {@code strconv.ParseInt(s, 0, 64)},
 * {@code strconv.ParseFloat(s, 64)} for the texts its scanner makes, and hcl's own {@code strconv.Unquote}, which
 * keeps {@code ${...}} interpolations verbatim.
 */
final class GoStrconv {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private GoStrconv() {
    }

    /** {@code strconv.ParseInt(s, 0, 64)}: a sign, then 0x, 0o, 0b or 0 (octal) prefixes, underscores between digits. */
    static long parseInt(String s) throws HclException {
        String digits = s;
        boolean negative = false;
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            throw numberError("ParseInt", s, "invalid syntax");
        }
        int base = 10;
        if (digits.charAt(0) == '0') {
            char second = digits.length() >= 3 ? Character.toLowerCase(digits.charAt(1)) : 0;
            base = second == 'b' ? 2 : second == 'o' ? 8 : second == 'x' ? 16 : 8;
            digits = digits.substring(second == 'b' || second == 'o' || second == 'x' ? 2 : 1);
        }
        // Go's ParseUint: an unsigned 64-bit accumulator; the first bad digit or overflow decides the error.
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        long value = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = c < 0x80 && Character.digit(c, 36) >= 0 ? Character.digit(c, 36) : 99;
            if (d >= base) {
                throw numberError("ParseInt", s, "invalid syntax");
            }
            if (Long.compareUnsigned(value, cutoff) >= 0 || Long.compareUnsigned(value * base + d, value * base) < 0) {
                throw numberError("ParseInt", s, "value out of range");
            }
            value = value * base + d;
        }
        if (underscores && !underscoresSeparateDigits(s)) {
            throw numberError("ParseInt", s, "invalid syntax");
        }
        int fits = Long.compareUnsigned(value, Long.MIN_VALUE); // against 1<<63
        if (negative ? fits > 0 : fits >= 0) {
            throw numberError("ParseInt", s, "value out of range");
        }
        return negative ? -value : value;
    }

    /** {@code strconv.ParseFloat(s, 64)} for decimal texts; anything else (hex without 'p', a bare 'e') is invalid. */
    static double parseFloat(String s) throws HclException {
        if (!DECIMAL_FLOAT.matcher(s).matches()) {
            throw numberError("ParseFloat", s, "invalid syntax");
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw numberError("ParseFloat", s, "value out of range");
        }
        return value;
    }

    /**
     * hcl v1's unquoting of a double-quoted string token, or null where it fails ({@code invalid syntax}). Escapes
     * giving bytes that are not UTF-8 ({@code \xff}) become U+FFFD, as a Java string cannot hold them.
     */
    static String unquote(String quoted) {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != '"' || quoted.charAt(n - 1) != '"') {
            return null;
        }
        String s = quoted.substring(1, n - 1);
        boolean interpolates = s.indexOf('$') >= 0 || s.indexOf('{') >= 0;
        if (!interpolates && s.indexOf('\n') >= 0) {
            return null;
        }
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0 && s.indexOf('$') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                i = copyInterpolation(s, i, out);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            i = unquoteChar(s, i, out);
            if (i < 0) {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Copies {@code ${...}} from {@code start} as it is; gives the index after it, or -1 if unbalanced. */
    private static int copyInterpolation(String s, int start, ByteArrayOutputStream out) {
        int braces = 1;
        int i = start + 2;
        while (i < s.length() && braces > 0) {
            int cp = s.codePointAt(i);
            if (cp == 0xFFFD || cp <= Character.MAX_VALUE && Character.isSurrogate((char) cp)) {
                return -1; // Go sees utf8.RuneError here
            }
            braces += cp == '{' ? 1 : cp == '}' ? -1 : 0;
            i += Character.charCount(cp);
        }
        if (braces != 0) {
            return -1;
        }
        out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
        return i;
    }

    /** Decodes one character or escape at {@code i}; gives the index after it, or -1 if invalid. */
    private static int unquoteChar(String s, int i, ByteArrayOutputStream out) {
        char c = s.charAt(i);
        if (c == '\n' || c == '"') {
            return -1;
        }
        if (c != '\\') {
            int cp = s.codePointAt(i);
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            return i + Character.charCount(cp);
        }
        if (i + 1 >= s.length()) {
            return -1;
        }
        char e = s.charAt(i + 1);
        int rest = i + 2;
        switch (e) {
            case 'a' -> out.write(7);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(11);
            case '\\' -> out.write('\\');
            case '"' -> out.write('"');
            case 'x', 'u', 'U' -> {
                int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                long v = 0;
                for (int j = 0; j < len; j++) {
                    int d = rest + j < s.length() && s.charAt(rest + j) < 0x80
                            ? Character.digit(s.charAt(rest + j), 16) : -1;
                    if (d < 0) {
                        return -1;
                    }
                    v = v << 4 | d;
                }
                rest += len;
                if (e == 'x' || v < 0x80) {
                    out.write((int) v);
                } else if (v > Character.MAX_CODE_POINT) {
                    return -1;
                } else {
                    boolean surrogate = v >= Character.MIN_SURROGATE && v <= Character.MAX_SURROGATE;
                    int cp = surrogate ? 0xFFFD : (int) v; // Go encodes a surrogate as U+FFFD
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = e - '0';
                for (int j = 0; j < 2; j++) {
                    char d = rest + j < s.length() ? s.charAt(rest + j) : 'x';
                    if (d < '0' || d > '7') {
                        return -1;
                    }
                    v = v << 3 | (d - '0');
                }
                rest += 2;
                if (v > 255) {
                    return -1;
                }
                out.write(v);
            }
            default -> {
                return -1;
            }
        }
        return rest;
    }

    /** Go's rule: each underscore follows a digit or the base prefix and precedes a digit. */
    private static boolean underscoresSeparateDigits(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        char previous = '^';
        int i = 0;
        if (t.length() >= 2 && t.charAt(0) == '0' && "bBoOxX".indexOf(t.charAt(1)) >= 0) {
            i = 2;
            previous = '0'; // the prefix counts as a digit
        }
        boolean hex = i == 2 && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean digit = c >= '0' && c <= '9' || hex && "abcdefABCDEF".indexOf(c) >= 0;
            if (digit) {
                previous = '0';
            } else if (c == '_') {
                if (previous != '0') {
                    return false;
                }
                previous = '_';
            } else {
                if (previous == '_') {
                    return false;
                }
                previous = '!';
            }
        }
        return previous != '_';
    }

    private static HclException numberError(String function, String s, String reason) {
        return new HclException("strconv." + function + ": parsing " + GoQuote.quote(s) + ": " + reason);
    }
}
