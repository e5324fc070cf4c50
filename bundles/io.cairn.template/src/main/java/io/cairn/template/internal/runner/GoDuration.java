package io.cairn.template.internal.runner;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} grammar, the form consul-template's settings use: a sequence of decimal numbers
 * with units {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h} ({@code 250ms},
 * {@code 1m30s}, {@code 1.5s}); a bare {@code 0} is allowed.
 */
public final class GoDuration {
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {}

    /** Parses {@code text}; the message of the exception says which form is accepted. */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(s.substring(unitStart, i));
            if (start == unitStart || unit == null) {
                throw invalid(text);
            }
            try {
                nanos = nanos.add(new BigDecimal(s.substring(start, unitStart)).multiply(BigDecimal.valueOf(unit)));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text
                + "\": expected a number with a unit (ns, us, ms, s, m, h), e.g. 250ms, 5s or 1m30s");
    }
}
