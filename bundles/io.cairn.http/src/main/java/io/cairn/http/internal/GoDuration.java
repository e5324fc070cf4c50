package io.cairn.http.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Parses durations in Go's {@code time.ParseDuration} grammar, which Consul clients use for {@code ?wait} and
 * {@code ?max_stale}: an optional sign, then one or more decimal numbers each followed by a unit
 * ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), e.g. {@code 120000ms},
 * {@code 9.87s}, {@code 1h2m3.5s}; a bare {@code 0} is also accepted.
 */
final class GoDuration {
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // Greek mu, which Go also accepts
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * @return the duration in nanoseconds (fractions of a nanosecond are dropped, as Go does)
     * @throws IllegalArgumentException if {@code text} is not a Go duration or overflows 64 bits
     */
    static long parseNanos(String text) {
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
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            boolean digits = false;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                digits = true;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                    i++;
                    digits = true;
                }
            }
            if (!digits) {
                throw invalid(text);
            }
            String number = s.substring(numberStart, i);
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !(Character.isDigit(s.charAt(i)) && s.charAt(i) < 128)) {
                i++;
            }
            Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
            if (unit == null) {
                throw invalid(text);
            }
            // "5." and ".5" are valid Go numbers; BigDecimal needs a digit on both sides.
            String normalised = (number.startsWith(".") ? "0" : "") + number + (number.endsWith(".") ? "0" : "");
            total = total.add(new BigDecimal(normalised).multiply(BigDecimal.valueOf(unit)));
            if (total.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("duration out of range: " + text);
            }
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
}
