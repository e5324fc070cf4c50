package io.cairn.gossip.internal.swim;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.cairn.gossip.internal.clock.Scheduler;

/**
 * Lifeguard's suspicion timer for one suspected member: it starts at {@code max} and shrinks towards {@code min}
 * as independent members confirm the suspicion, by {@code log(c + 1) / log(k + 1)} of the span after {@code c} of
 * the {@code k} confirmations expected, so that a lone suspicion (perhaps this member's own network trouble) gives
 * the suspect the longest time to refute. With no confirmations expected it is {@code min}. Not thread-safe.
 */
final class Suspicion {
    private final Scheduler scheduler;
    private final Runnable timeout;
    private final int expected;
    private final Duration min;
    private final Duration max;
    private final long start;
    private final Set<String> confirmed = new HashSet<>();
    private Scheduler.Cancellable timer;

    /**
     * Starts the timer.
     *
     * @param from     who suspected first (its later suspicions are no confirmation)
     * @param expected {@code k}, the confirmations that bring the timeout down to {@code min}
     * @param timeout  run when the time is up
     */
    Suspicion(String from, int expected, Duration min, Duration max, Scheduler scheduler, Runnable timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.expected = expected;
        this.min = min;
        this.max = max;
        this.start = scheduler.nanoTime();
        confirmed.add(from);
        timer = scheduler.schedule(timeout(0, expected, min, max), timeout);
    }

    /**
     * Counts a suspicion from {@code from}: if it is a new, independent one, brings the deadline forward.
     *
     * @return whether it counted (and is worth passing on)
     */
    boolean confirm(String from) {
        if (confirmed.size() - 1 >= expected || !confirmed.add(from)) {
            return false;
        }
        Duration remaining = timeout(confirmed.size() - 1, expected, min, max)
                .minusNanos(scheduler.nanoTime() - start);
        timer.cancel();
        timer = scheduler.schedule(remaining.isNegative() ? Duration.ZERO : remaining, timeout);
        return true;
    }

    /** Stops the timer: the suspect refuted or was declared dead another way. */
    void cancel() {
        timer.cancel();
    }

    /** The timeout after {@code confirmations} of the {@code expected}. */
    static Duration timeout(int confirmations, int expected, Duration min, Duration max) {
        if (expected < 1) {
            return min;
        }
        double fraction = Math.log(confirmations + 1.0) / Math.log(expected + 1.0);
        long nanos = (long) (max.toNanos() - fraction * (max.toNanos() - min.toNanos()));
        return Duration.ofNanos(Math.max(nanos, min.toNanos()));
    }
}
