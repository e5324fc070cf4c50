package io.cairn.session.internal;

import java.time.Duration;

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
     * A lock delay from JSON: Go duration text or a number of nanoseconds; either below
     * {@value #LOCK_DELAY_SECONDS_BELOW} ns counts as seconds.
     */
    public static Duration lockDelay(Object value) {
        Duration parsed = GoDuration.parse(value);
        return parsed.toNanos() < LOCK_DELAY_SECONDS_BELOW ? Duration.ofSeconds(parsed.toNanos()) : parsed;
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
