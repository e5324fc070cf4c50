package io.cairn.session.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The TTL timers: when each TTL session expires unless renewed. Like Consul, a session gets twice its TTL before
 * it is invalidated, so a client renewing at the TTL has a full period of slack. Every server keeps them, started
 * when it applies the session's creation or a renewal, on its own monotonic clock; only the leader acts on them.
 * A server applies a renewal after the client sent it, so its timer never runs out before the one the client
 * counts on, and a new leader goes on from the last renewal it applied instead of starting every timer afresh:
 * under leader changes more frequent than the TTL, sessions still expire. A session it has no timer for (state
 * from a snapshot) starts with the full period.
 */
@Component(service = SessionTimers.class)
public final class SessionTimers {

    /** How many TTLs a session may go unrenewed (Consul's session TTL multiplier). */
    static final int TTL_MULTIPLIER = 2;

    private record Timer(Duration ttl, long deadline) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Timer> timers = new HashMap<>();

    @Activate
    public SessionTimers() {
        this(System::nanoTime);
    }

    /** With a clock for tests; {@code nanoClock} is monotonic nanoseconds. */
    public SessionTimers(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Starts (or restarts, on a renewal) the timer of a session; a zero TTL (no timer) stops it. */
    public synchronized void start(String id, Duration ttl) {
        if (ttl.isZero()) {
            timers.remove(id);
        } else {
            timers.put(id, new Timer(ttl, nanoClock.getAsLong() + ttl.toNanos() * TTL_MULTIPLIER));
        }
    }

    /** Drops the timer of a session that is gone. */
    public synchronized void stop(String id) {
        timers.remove(id);
    }

    /** Whether a timer runs for the session. */
    public synchronized boolean running(String id) {
        return timers.containsKey(id);
    }

    /** Drops the timers of sessions no longer in {@code live}. */
    public synchronized void retain(Set<String> live) {
        timers.keySet().retainAll(live);
    }

    /** The sessions whose time is up; their timers stay until the sessions are gone ({@link #retain}). */
    public synchronized List<String> expired() {
        long now = nanoClock.getAsLong();
        List<String> expired = new ArrayList<>();
        timers.forEach((id, timer) -> {
            if (timer.deadline() - now <= 0) {
                expired.add(id);
            }
        });
        expired.sort(null);
        return expired;
    }
}
