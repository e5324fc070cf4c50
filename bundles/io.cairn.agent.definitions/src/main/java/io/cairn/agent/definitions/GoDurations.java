package io.cairn.agent.definitions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.Duration} text ({@code 10s}, {@code 1m30s}, {@code 1.5h}, {@code 300ms}), as Consul reads it. */
final class GoDurations {
    private static final Pattern WHOLE = Pattern.compile("((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDurations() {
    }

    /**
     * Parses a non-negative Go duration; {@code ""} and {@code "0"} are zero.
     *
     * @throws IllegalArgumentException with the problem in Consul's words
     */
    static Duration parse(String text) {
        String value = text.trim();
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("duration \"" + text + "\" must not be negative");
        }
        value = value.startsWith("+") ? value.substring(1) : value;
        if (value.isEmpty() || value.equals("0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid duration \"" + text
                    + "\" (use a number with a unit such as \"10s\", \"1m30s\", \"500ms\", or a number of nanoseconds)");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(UNIT_NANOS.get(part.group(2)))));
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
