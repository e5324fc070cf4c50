package io.cairn.kv.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keys that refuse new lock acquisitions for a while after the session holding them was invalidated (Consul's
 * lock-delay): a client that lost its lock gets time to notice before another takes it.
 * <p>
 * Like Consul, this is memory of each server, not replicated state: every server arms it when it applies an
 * invalidation, with its own clock, and the server that takes an acquire request checks its own. A server
 * restarted within the delay forgets it, and one that replays an old invalidation from its log arms it again;
 * both only move when a lock can be taken, never who holds it.
 */
@Component(service = LockDelays.class)
public final class LockDelays {

    /** Past this many remembered keys, arming a new one first drops the delays that have passed. */
    private static final int PURGE_THRESHOLD = 1024;

    private final LongSupplier nanoClock;
    private final Map<String, Long> expiries = new HashMap<>();

    @Activate
    public LockDelays() {
        this(System::nanoTime);
    }

    /** With a clock for tests; {@code nanoClock} is monotonic nanoseconds. */
    public LockDelays(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Closes {@code key} to acquisitions for {@code delayNanos} from now (a longer delay already set stays). */
    public synchronized void arm(String key, long delayNanos) {
        if (delayNanos <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (expiries.size() >= PURGE_THRESHOLD) {
            expiries.values().removeIf(until -> until - now <= 0);
        }
        long until = now + delayNanos;
        expiries.merge(key, until, (a, b) -> a - b > 0 ? a : b);
    }

    /** Whether {@code key} is still closed to acquisitions; forgets delays that have passed. */
    public synchronized boolean delayed(String key) {
        Long until = expiries.get(key);
        if (until == null) {
            return false;
        }
        if (until - nanoClock.getAsLong() > 0) {
            return true;
        }
        expiries.remove(key);
        return false;
    }
}
