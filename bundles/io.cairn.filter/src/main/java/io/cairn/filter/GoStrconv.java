package io.cairn.filter;

import io.cairn.go.lang.GoQuote;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} as go-bexpr uses it: {@code Unquote} for string literals, and {@code ParseInt},
 * {@code ParseUint} (base 0: {@code 0x}, {@code 0o}, {@code 0b}, leading-zero octal, underscores), {@code ParseFloat}
 * and {@code ParseBool} to coerce a value to its field's type. Failures throw {@link IllegalArgumentException}
 * carrying Go's error text, e.g. {@code strconv.ParseInt: parsing "abc": invalid syntax}.
 */
final class GoStrconv {
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(inf|infinity)|nan");

    private GoStrconv() {
    }

    /** {@code strconv.Unquote} of a double-quoted or backquoted literal (quotes included). */
    static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        if (literal.charAt(0) == '`') {
            return body.replace("\r", "");
        }
        if (body.indexOf('\n') >= 0) {
            throw invalid();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw invalid();
            }
            char e = body.charAt(i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case 'x' -> {
                    out.append((char) hex(body, i + 1, 2));
                    i += 2;
                }
                case 'u' -> {
                    out.appendCodePoint(rune(hex(body, i + 1, 4)));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(rune(hex(body, i + 1, 8)));
                    i += 8;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 3 > body.length()) {
                        throw invalid();
                    }
                    int v = 0;
                    for (int k = i; k < i + 3; k++) {
                        char o = body.charAt(k);
                        if (o < '0' || o > '7') {
                            throw invalid();
                        }
                        v = v * 8 + (o - '0');
                    }
                    if (v > 255) {
                        throw invalid();
                    }
                    out.append((char) v);
                    i += 2;
                }
                default -> throw invalid();
            }
        }
        return out.toString();
    }

    private static long hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            throw invalid();
        }
        long v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0 || s.charAt(k) > 'f') {
                throw invalid();
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static int rune(long v) {
        if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000)) {
            throw invalid();
        }
        return (int) v;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("invalid syntax");
    }

    /** {@code strconv.ParseInt(s, 0, 64)}. */
    static long parseInt(String s) {
        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        BigInteger magnitude = digits.isEmpty() ? null : parseUnsigned(digits);
        if (magnitude == null) {
            throw numError("ParseInt", s, "invalid syntax");
        }
        BigInteger value = s.startsWith("-") ? magnitude.negate() : magnitude;
        if (value.compareTo(MIN_INT64) < 0 || value.compareTo(MAX_INT64) > 0) {
            throw numError("ParseInt", s, "value out of range");
        }
        return value.longValue();
    }

    /** {@code strconv.ParseUint(s, 0, 64)}, as a {@link BigInteger}. */
    static BigInteger parseUint(String s) {
        BigInteger value = s.isEmpty() ? null : parseUnsigned(s);
        if (value == null) {
            throw numError("ParseUint", s, "invalid syntax");
        }
        if (value.compareTo(MAX_UINT64) > 0) {
            throw numError("ParseUint", s, "value out of range");
        }
        return value;
    }

    /** Base-0 digits without sign; {@code null} for a syntax error. Go stops at the first overflow (range). */
    private static BigInteger parseUnsigned(String s) {
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : ' ';
            base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 8;
            digits = base == 8 && p != 'o' ? s.substring(1) : s.substring(2);
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = c < 0x80 ? Character.digit(c, 36) : -1;
            if (d < 0 || d >= base) {
                return null;
            }
            if (value.compareTo(MAX_UINT64) > 0) {
                return value;
            }
            value = value.multiply(radix).add(BigInteger.valueOf(d));
        }
        return underscores && !underscoreOk(s) ? null : value;
    }

    /** Go's rule: an underscore only between digits, or between a base prefix and a digit. */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** {@code strconv.ParseFloat(s, 64)}. */
    static double parseFloat(String s) {
        if (SPECIAL_FLOAT.matcher(s).matches()) {
            return s.toLowerCase().contains("nan") ? Double.NaN
                    : s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        String plain = s.replace("_", "");
        boolean syntax = DECIMAL_FLOAT.matcher(plain).matches() || HEX_FLOAT.matcher(plain).matches();
        if (!syntax || (!plain.equals(s) && !underscoreOk(s))) {
            throw numError("ParseFloat", s, "invalid syntax");
        }
        double d = Double.parseDouble(plain);
        if (Double.isInfinite(d)) {
            throw numError("ParseFloat", s, "value out of range");
        }
        return d;
    }

    /** {@code strconv.ParseBool}. */
    static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw numError("ParseBool", s, "invalid syntax");
        };
    }

    private static IllegalArgumentException numError(String function, String input, String reason) {
        return new IllegalArgumentException("strconv." + function + ": parsing " + GoQuote.quote(input) + ": " + reason);
    }
}
