package io.cairn.go.lang;

import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number and boolean parsers: {@code ParseInt}, {@code ParseUint}, {@code ParseFloat} and
 * {@code ParseBool}, accepting exactly what Go accepts and failing with Go's {@code *strconv.NumError} text as a
 * {@link GoNumberException}.
 *
 * <p>For the integer parsers, base 0 reads the base from the prefix as Go source does ({@code 0x}, {@code 0o},
 * {@code 0b}, or a bare leading {@code 0} for octal) and allows underscores between digits and after the prefix;
 * bases 2 to 36 take plain digits. A bit size of 0 means 64, Go's {@code int} on 64-bit platforms. The unsigned
 * parser returns Go's {@code uint64} in a {@code long}'s bits (read it with {@link Long#toUnsignedString}).
 * {@code ParseFloat} takes decimal and hexadecimal ({@code 0x1.8p3}) forms, underscores as in Go literals, and
 * {@code inf}, {@code infinity}, {@code nan} in any case.
 */
public final class GoStrconv {
    private static final String SYNTAX = "invalid syntax";
    private static final String RANGE = "value out of range";
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(inf|infinity)|nan");

    private GoStrconv() {
    }

    /**
     * {@code strconv.ParseInt(s, base, bitSize)}: an optional sign, then digits as {@link #parseUint} reads them.
     *
     * @throws GoNumberException with Go's message for bad syntax, a value beyond the signed range of
     *         {@code bitSize} bits, or a base or bit size Go refuses
     */
    public static long parseInt(String s, int base, int bitSize) {
        String function = "ParseInt";
        if (s.isEmpty()) {
            throw new GoNumberException(function, s, SYNTAX);
        }
        boolean negative = s.charAt(0) == '-';
        String digits = negative || s.charAt(0) == '+' ? s.substring(1) : s;
        long magnitude = parseUnsigned(digits, base, bitSize, function, s, true);
        long cutoff = 1L << ((bitSize == 0 ? 64 : bitSize) - 1); // as unsigned: 1<<63 for 64 bits
        int fits = Long.compareUnsigned(magnitude, cutoff);
        if (negative ? fits > 0 : fits >= 0) {
            throw new GoNumberException(function, s, RANGE);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * {@code strconv.ParseUint(s, base, bitSize)}, the {@code uint64} result in the bits of a {@code long}.
     *
     * @throws GoNumberException with Go's message for bad syntax (a sign included), a value beyond
     *         {@code bitSize} bits, or a base or bit size Go refuses
     */
    public static long parseUint(String s, int base, int bitSize) {
        return parseUnsigned(s, base, bitSize, "ParseUint", s, false);
    }

    /**
     * Go's {@code ParseUint} on {@code s}, failing with {@code function} and {@code input} in the message. Past
     * the largest value it fails, or, if {@code saturate}, gives that value as Go's does to {@code ParseInt}.
     */
    private static long parseUnsigned(String s, int base, int bitSize, String function, String input,
            boolean saturate) {
        if (s.isEmpty()) {
            throw new GoNumberException(function, input, SYNTAX);
        }
        boolean base0 = base == 0;
        String digits = s;
        if (base0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char prefix = s.length() >= 3 ? lower(s.charAt(1)) : 0;
                base = prefix == 'b' ? 2 : prefix == 'x' ? 16 : 8;
                digits = s.substring(prefix == 'b' || prefix == 'o' || prefix == 'x' ? 2 : 1);
            }
        } else if (base < 2 || base > 36) {
            throw new GoNumberException(function, input, "invalid base " + base);
        }
        if (bitSize < 0 || bitSize > 64) {
            throw new GoNumberException(function, input, "invalid bit size " + bitSize);
        }
        long max = bitSize == 0 || bitSize == 64 ? -1L : (1L << bitSize) - 1;
        long cutoff = Long.divideUnsigned(-1L, base) + 1; // the first value whose product by base overflows
        long value = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (lower(c) >= 'a' && lower(c) <= 'z') {
                digit = lower(c) - 'a' + 10;
            } else {
                throw new GoNumberException(function, input, SYNTAX);
            }
            if (digit >= base) {
                throw new GoNumberException(function, input, SYNTAX);
            }
            long next = value * base + digit;
            if (Long.compareUnsigned(value, cutoff) >= 0 || Long.compareUnsigned(next, value * base) < 0
                    || Long.compareUnsigned(next, max) > 0) {
                if (saturate) {
                    return max;
                }
                throw new GoNumberException(function, input, RANGE);
            }
            value = next;
        }
        if (underscores && !underscoresOk(s)) {
            throw new GoNumberException(function, input, SYNTAX);
        }
        return value;
    }

    /**
     * {@code strconv.ParseFloat(s, bitSize)}: with a bit size of 32 the value is rounded to a {@code float}, as
     * Go rounds it to {@code float32}. A value too small to represent becomes zero, as in Go.
     *
     * @throws GoNumberException with Go's message for bad syntax or a value beyond the type's range
     */
    public static double parseFloat(String s, int bitSize) {
        String function = "ParseFloat";
        if (SPECIAL_FLOAT.matcher(s).matches()) {
            return s.toLowerCase().contains("nan") ? Double.NaN
                    : s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        String plain = s.replace("_", "");
        boolean wellFormed = DECIMAL_FLOAT.matcher(plain).matches() || HEX_FLOAT.matcher(plain).matches();
        if (!wellFormed || plain.length() != s.length() && !underscoresOk(s)) {
            throw new GoNumberException(function, s, SYNTAX);
        }
        double value = bitSize == 32 ? Float.parseFloat(plain) : Double.parseDouble(plain);
        if (Double.isInfinite(value)) {
            throw new GoNumberException(function, s, RANGE);
        }
        return value;
    }

    /**
     * {@code strconv.ParseBool}: {@code 1 t T TRUE true True} and {@code 0 f F FALSE false False}.
     *
     * @throws GoNumberException with Go's message for anything else
     */
    public static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new GoNumberException("ParseBool", s, SYNTAX);
        };
    }

    /**
     * Go's {@code underscoreOK}: each underscore stands between digits, or between a base prefix and a digit.
     */
    private static boolean underscoresOk(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        char saw = '^'; // ^ start, 0 digit or base prefix, _ underscore, ! anything else
        int i = 0;
        boolean hex = false;
        if (t.length() >= 2 && t.charAt(0) == '0' && "box".indexOf(lower(t.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = lower(t.charAt(1)) == 'x';
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9' || hex && lower(c) >= 'a' && lower(c) <= 'f') {
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

    /** Go's {@code lower}: ASCII letters to lower case by setting bit 0x20; letters only matter to callers. */
    private static char lower(char c) {
        return (char) (c | 0x20);
    }
}
