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
 * The leader's TTL timers: when each TTL session expires unless renewed. Like Consul, a session gets twice its
 * TTL before it is invalidated, so a client renewing at the TTL has a full period of slack. Only the leader
 * keeps timers; a new leader starts every session's timer afresh with the full period, because it cannot know
 * when the old leader last saw a renewal.
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

    /** Starts (or restarts) the timer of a session with a TTL. */
    public synchronized void start(String id, Duration ttl) {
        timers.put(id, new Timer(ttl, nanoClock.getAsLong() + ttl.toNanos() * TTL_MULTIPLIER));
    }

    /** Restarts a running timer (a renewal); does nothing where no timer runs (followers, sessions without TTL). */
    public synchronized void renew(String id) {
        Timer timer = timers.get(id);
        if (timer != null) {
            start(id, timer.ttl());
        }
    }

    /** Whether a timer runs for the session. */
    public synchronized boolean running(String id) {
        return timers.containsKey(id);
    }

    /** Drops the timers of sessions no longer in {@code live}. */
    public synchronized void retain(Set<String> live) {
        timers.keySet().retainAll(live);
    }

    /** Drops every timer (this server stopped being leader). */
    public synchronized void clear() {
        timers.clear();
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
