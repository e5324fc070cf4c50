package io.cairn.health.api;

import java.time.Duration;

import io.cairn.go.lang.GoDurationRangeException;

/**
 * Durations as Consul's JSON and config files carry them: Go's {@code time.Duration} text ({@code "10s"},
 * {@code "1m30s"}, {@code "1.5h"}, {@code "300ms"}) or a number of nanoseconds, with an absent or blank value
 * meaning zero. Check definitions, catalog bodies and config files all read durations with it, so they agree on
 * what they accept and on the message a user gets for a bad one.
 * <p>
 * The text grammar and the output format are Go's, from {@link io.cairn.go.lang.GoDuration}; this class adds
 * only what Consul's fields add to it (numbers, blanks, surrounding white space) and messages that say what is
 * accepted.
 */
public final class GoDuration {

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
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return io.cairn.go.lang.GoDuration.parse(text);
        } catch (GoDurationRangeException e) {
            throw new IllegalArgumentException("invalid duration \"" + value + "\" (out of range: at most "
                    + format(Duration.ofNanos(Long.MAX_VALUE)) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid duration \"" + value + "\" (use a number with a unit"
                    + " such as \"10s\", \"1m30s\", \"500ms\", or a number of nanoseconds)", e);
        }
    }

    /** Formats like Go's {@code Duration.String()}: {@code 10s}, {@code 1m30s}, {@code 1h0m0s}, {@code 300ms}. */
    public static String format(Duration duration) {
        return io.cairn.go.lang.GoDuration.format(duration);
    }
}
