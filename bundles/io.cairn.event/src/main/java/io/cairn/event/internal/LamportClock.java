package io.cairn.event.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The event clock, a Lamport clock as Serf keeps one per agent: it starts at 1, each event fired here takes the
 * current time and moves the clock on, and each event received moves it past the event's time, so an event fired
 * after another was seen has a later time. Saturates instead of wrapping around.
 */
final class LamportClock {
    private final AtomicLong time = new AtomicLong(1);

    /** The time for an event fired now; the clock then moves on by one. */
    long next() {
        return time.getAndUpdate(now -> now == Long.MAX_VALUE ? now : now + 1);
    }

    /** Notes an event with time {@code seen}: the clock moves past it if it is not already. */
    void witness(long seen) {
        time.accumulateAndGet(seen, (now, other) -> other < now ? now : other == Long.MAX_VALUE ? other : other + 1);
    }
}
