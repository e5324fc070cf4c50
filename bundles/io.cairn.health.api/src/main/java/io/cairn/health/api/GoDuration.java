package io.cairn.health.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Consul writes them: Go's {@code time.Duration} text ({@code "10s"}, {@code "1m30s"},
 * {@code "1.5h"}, {@code "300ms"}) or a number of nanoseconds. Check definitions, catalog bodies and config files
 * all read durations with it, so they agree on what they accept.
 * <p>
 * The text grammar is Go's {@code time.ParseDuration}: an optional sign, then one or more decimal numbers
 * ({@code 5}, {@code 1.5}, {@code .5}, {@code 5.}) each followed by a unit ({@code ns}, {@code us}, {@code µs},
 * {@code ms}, {@code s}, {@code m}, {@code h}); a bare {@code 0} needs no unit. Values beyond Go's 64-bit range
 * (about 292 years) are rejected, as Go rejects them.
 */
public final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile("[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * Parses a Go duration string or a number of nanoseconds ({@code null} and {@code ""} are zero; surrounding
     * white space is ignored; fractions of a nanosecond are dropped, as Go does).
     *
     * @throws IllegalArgumentException if the value is neither, or out of Go's range
     */
    public static Duration parse(Object value) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value instanceof Number number) {
            return Duration.ofNanos(number.longValue());
        }
        String text = value.toString().trim();
        if (text.isEmpty() || text.equals("0") || text.equals("+0") || text.equals("-0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid duration \"" + value + "\" (use a number with a unit"
                    + " such as \"10s\", \"1m30s\", \"500ms\", or a number of nanoseconds)");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            BigDecimal unit = BigDecimal.valueOf(UNIT_NANOS.get(part.group(2)));
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit));
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("invalid duration \"" + value + "\" (out of range: at most "
                    + format(Duration.ofNanos(Long.MAX_VALUE)) + ")");
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        return text.startsWith("-") ? duration.negated() : duration;
    }

    /** Formats like Go's {@code Duration.String()}: {@code 10s}, {@code 1m30s}, {@code 1h0m0s}, {@code 300ms}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 1_000) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 1_000_000) + "ms";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        String seconds = decimal(nanos % 60_000_000_000L, 1_000_000_000) + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
