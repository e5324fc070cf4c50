package io.cairn.session.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.health.api.GoDuration;
import io.cairn.session.api.SessionRequest;
import io.cairn.session.api.Sessions;

/**
 * Consul's checks and conversions of session settings, with its error texts (clients such as Patroni match
 * {@code Invalid Session TTL}).
 */
public final class SessionRules {

    /**
     * A bare lock delay below this is taken as seconds, not nanoseconds: users send {@code 5} meaning 5 s, and
     * Consul has always read it so.
     */
    static final long LOCK_DELAY_SECONDS_BELOW = 1000;

    private SessionRules() {
    }

    /** A session TTL as Go parses it; {@link IllegalArgumentException} with Consul's text otherwise. */
    public static Duration ttl(String text) {
        if (text == null || text.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            String reason = text.matches("[-+]?[0-9.]+") && !text.matches("[-+]?0+")
                    ? "time: missing unit in duration \"" + text + "\""
                    : "time: invalid duration \"" + text + "\"";
            throw new IllegalArgumentException("Session TTL '" + text + "' invalid: " + reason, e);
        }
    }

    /**
     * A lock delay from JSON as Consul reads it: Go duration text, or a number of nanoseconds of which a fraction is
     * dropped (Consul converts a float64); either below {@value #LOCK_DELAY_SECONDS_BELOW} ns counts as seconds;
     * {@code null} is zero. {@link IllegalArgumentException} with Go's text for a value of another JSON type, and
     * for one beyond Go's {@code time.Duration} range, before or after the seconds rule (Consul's conversions would
     * wrap it silently).
     */
    public static Duration lockDelay(Object value) {
        if (value == null) {
            return Duration.ZERO;
        }
        long nanos;
        if (value instanceof String text) {
            nanos = GoDuration.parse(text).toNanos();
        } else if (value instanceof Integer || value instanceof Long) {
            nanos = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() <= 63) {
            nanos = big.longValue();
        } else if (value instanceof Double d && Math.abs(d) < 0x1p63) {
            nanos = d.longValue();
        } else {
            throw lockDelayRefused(value);
        }
        if (nanos >= LOCK_DELAY_SECONDS_BELOW) {
            return Duration.ofNanos(nanos);
        }
        try {
            return Duration.ofNanos(Math.multiplyExact(nanos, 1_000_000_000L));
        } catch (ArithmeticException e) {
            if (value instanceof String text) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\" (out of range: a lock delay"
                        + " below " + LOCK_DELAY_SECONDS_BELOW + "ns counts as seconds)", e);
            }
            throw lockDelayRefused(value);
        }
    }

    private static IllegalArgumentException lockDelayRefused(Object value) {
        String found = value instanceof Number n ? "number " + n.toString().replace('E', 'e')
                : value instanceof Boolean ? "bool" : value instanceof Map ? "object" : value instanceof List ? "array"
                : "value";
        return new IllegalArgumentException("json: cannot unmarshal " + found
                + " into Go struct field Session.LockDelay of type time.Duration");
    }

    /** Refuses a request Consul refuses before it reaches the state; {@link IllegalArgumentException}. */
    public static void validate(SessionRequest request) {
        if (request.node().isEmpty()) {
            throw new IllegalArgumentException("Must provide Node");
        }
        Duration ttl = request.ttl();
        if (!ttl.isZero() && (ttl.compareTo(Sessions.MIN_TTL) < 0 || ttl.compareTo(Sessions.MAX_TTL) > 0)) {
            throw new IllegalArgumentException("Invalid Session TTL '" + ttl.toNanos() + "', must be between ["
                    + GoDuration.format(Sessions.MIN_TTL) + "=" + GoDuration.format(Sessions.MAX_TTL) + "]");
        }
    }
}
