package io.cairn.catalog.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go writes and reads them: check definitions arrive as {@code "10s"}, {@code "1m30s"} or a number
 * of nanoseconds, and Consul echoes them in Go's {@code Duration.String()} form.
 */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /**
     * Reads a JSON duration value: a Go duration string or a number of nanoseconds; {@code null} or {@code ""}
     * is zero.
     */
    static Duration fromJson(Object value, String field) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value instanceof Number number) {
            return Duration.ofNanos(number.longValue());
        }
        return parse(value.toString(), field);
    }

    static Duration parse(String text, String field) {
        String s = text.trim();
        if (s.isEmpty() || s.equals("0")) {
            return Duration.ZERO;
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_NANOS.get(m.group(2)))));
            at = m.end();
        }
        if (at == 0 || at != s.length()) {
            throw new IllegalArgumentException("Invalid " + field + " duration '" + text
                    + "': use a number with a unit such as 10s, 1m30s or 500ms");
        }
        long value = nanos.longValue();
        return Duration.ofNanos(negative ? -value : value);
    }

    /** Go's {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 1m30s}, {@code 2h0m0s}, {@code 250ms}. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < 1_000L) {
            return sign + abs + "ns";
        }
        if (abs < 1_000_000L) {
            return sign + decimal(abs, 1_000L) + "µs";
        }
        if (abs < 1_000_000_000L) {
            return sign + decimal(abs, 1_000_000L) + "ms";
        }
        long hours = abs / 3_600_000_000_000L;
        long minutes = abs / 60_000_000_000L % 60;
        String seconds = decimal(abs % 60_000_000_000L, 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
    }

    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
