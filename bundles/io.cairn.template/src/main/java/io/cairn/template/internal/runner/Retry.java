package io.cairn.template.internal.runner;

import java.time.Duration;

/**
 * consul-template's {@code consul.retry}: after a failed query wait {@code backoff}, doubling per consecutive
 * failure up to {@code maxBackoff}; give up after {@code attempts} consecutive failures (0 = never), or at the
 * first one when not {@code enabled}.
 */
public record Retry(boolean enabled, int attempts, Duration backoff, Duration maxBackoff) {
    /** consul-template's defaults: 12 attempts, 250 ms doubling up to 1 min. */
    public static final Retry DEFAULT = new Retry(true, 12, Duration.ofMillis(250), Duration.ofMinutes(1));

    /** The delay before retrying after the {@code failures}-th consecutive failure (1-based). */
    public Duration delay(int failures) {
        Duration delay = backoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Whether {@code failures} consecutive failures exhaust the attempts. */
    public boolean exhausted(int failures) {
        return !enabled || (attempts > 0 && failures > attempts);
    }
}
