package io.cairn.go.lang;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Go's {@code time.Duration} text: {@link #parse} reads what {@code time.ParseDuration} reads and {@link #format}
 * writes what {@code Duration.String} writes.
 *
 * <p>The grammar is {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} with the units {@code ns}, {@code us}, {@code µs}
 * (micro sign U+00B5), {@code μs} (Greek mu U+03BC), {@code ms}, {@code s}, {@code m} and {@code h}: an optional
 * sign, then one or more numbers ({@code 5}, {@code 1.5}, {@code .5}, {@code 5.}) each followed by a unit, e.g.
 * {@code 300ms}, {@code -1.5h}, {@code 2h45m}. A bare {@code 0} (with or without sign) needs no unit. Nothing
 * else is accepted: no spaces, no exponent, no empty text. Values outside Go's signed 64-bit nanosecond range
 * (about ±292 years) are refused; fractions of a nanosecond are dropped, computed in floating point exactly as Go
 * does. Error messages are Go's, e.g. {@code time: missing unit in duration "10"}.
 */
public final class GoDuration {
    private static final long HOUR = 3_600_000_000_000L;
    /** 1<<63 as an unsigned 64-bit value, the bound Go checks against. */
    private static final long TWO_POW_63 = Long.MIN_VALUE;

    private GoDuration() {
    }

    /**
     * Parses Go duration text.
     *
     * @throws GoDurationRangeException with Go's message if {@code text} is a Go duration beyond Go's range
     * @throws IllegalArgumentException with Go's message if {@code text} is not a Go duration
     */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /**
     * Parses Go duration text into nanoseconds, as {@code time.ParseDuration} does.
     *
     * @throws GoDurationRangeException with Go's message if {@code text} is a Go duration beyond Go's range
     * @throws IllegalArgumentException with Go's message if {@code text} is not a Go duration
     */
    public static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0; // unsigned, as Go's uint64
        int i = 0;
        while (i < s.length()) {
            char first = s.charAt(i);
            if (first != '.' && !isDigit(first)) {
                throw invalid(text);
            }
            int start = i;
            long whole = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
                    throw outOfRange(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, TWO_POW_63) > 0) {
                    throw outOfRange(text);
                }
                i++;
            }
            boolean digitsBefore = i > start;
            long fraction = 0;
            double scale = 1;
            boolean digitsAfter = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                boolean overflow = false;
                int fractionStart = i;
                for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                    // Go keeps consuming digits after the fraction stops fitting, and ignores them.
                    if (overflow || Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long next = fraction * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(next, TWO_POW_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    fraction = next;
                    scale *= 10;
                }
                digitsAfter = i > fractionStart;
            }
            if (!digitsBefore && !digitsAfter) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String unitName = s.substring(unitStart, i);
            long unit = unitNanos(unitName);
            if (unit == 0) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unitName) + " in duration "
                        + quote(text));
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
                throw outOfRange(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                // Go computes the fraction in float64 (nanosecond-accurate even for fractions of an hour).
                value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
                if (Long.compareUnsigned(value, TWO_POW_63) > 0) {
                    throw outOfRange(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, TWO_POW_63) > 0) {
                throw outOfRange(text);
            }
        }
        if (negative) {
            return -total;
        }
        if (total < 0) { // above 1<<63 - 1 as unsigned
            throw outOfRange(text);
        }
        return total;
    }

    /** Writes {@code duration} as Go's {@code Duration.String} does; it must fit in 64-bit nanoseconds. */
    public static String format(Duration duration) {
        return format(duration.toNanos());
    }

    /**
     * Writes a number of nanoseconds as Go's {@code Duration.String} does: {@code 0s}, {@code 7ns},
     * {@code 1.5µs}, {@code 300ms}, {@code 1.5s}, {@code 1m30s}, {@code 1h0m0s}, {@code -2562047h47m16.854775808s}.
     */
    public static String format(long nanos) {
        char[] buf = new char[32];
        int w = buf.length;
        long u = nanos < 0 ? -nanos : nanos; // unsigned: Long.MIN_VALUE stays 1<<63
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            int precision;
            buf[--w] = 's';
            if (u == 0) {
                buf[--w] = '0';
                return new String(buf, w, buf.length - w);
            } else if (u < 1_000L) {
                precision = 0;
                buf[--w] = 'n';
            } else if (u < 1_000_000L) {
                precision = 3;
                buf[--w] = '\u00b5';
            } else {
                precision = 6;
                buf[--w] = 'm';
            }
            w = fraction(buf, w, u, precision);
            u = u / pow10(precision);
            w = integer(buf, w, u);
        } else {
            buf[--w] = 's';
            w = fraction(buf, w, u, 9);
            u = Long.divideUnsigned(u, 1_000_000_000L);
            w = integer(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'm';
                w = integer(buf, w, u % 60);
                u /= 60;
                if (u > 0) {
                    buf[--w] = 'h';
                    w = integer(buf, w, u);
                }
            }
        }
        if (nanos < 0) {
            buf[--w] = '-';
        }
        return new String(buf, w, buf.length - w);
    }

    /** Writes the low {@code precision} digits of {@code v} as a fraction without trailing zeros, if any. */
    private static int fraction(char[] buf, int w, long v, int precision) {
        boolean print = false;
        for (int i = 0; i < precision; i++) {
            int digit = (int) Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                buf[--w] = (char) ('0' + digit);
            }
            v = Long.divideUnsigned(v, 10);
        }
        if (print) {
            buf[--w] = '.';
        }
        return w;
    }

    private static int integer(char[] buf, int w, long v) {
        do {
            buf[--w] = (char) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        return w;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> HOUR;
            default -> 0L;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((double) (v >>> 1)) * 2.0 + (v & 1);
    }

    private static GoDurationRangeException outOfRange(String text) {
        return new GoDurationRangeException("time: invalid duration " + quote(text));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    /**
     * The quoting of the {@code time} package's errors: ASCII kept (with {@code "} and {@code \} escaped), any
     * other character written as the {@code \xNN} escapes of its UTF-8 bytes.
     */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < ' ') {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append("\\x").append(Character.forDigit(b >> 4 & 0xf, 16))
                            .append(Character.forDigit(b & 0xf, 16));
                }
                i = end - 1;
            } else {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
