package io.cairn.gossip.internal.crypto;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs gossip that no installed key opens: a warning naming the sender at most once a minute per sender address,
 * and at most {@link #MAX_WARNINGS_PER_INTERVAL} a minute in all, so that a misconfigured agent (or a peer
 * sending junk from many addresses) cannot flood the log; what was left out is counted in the next warning. Every
 * failure is logged at debug with its reason. Thread-safe.
 */
final class DecryptionFailureLog {

    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final int MAX_WARNINGS_PER_INTERVAL = 10;
    /** Senders remembered at once; the one warned about longest ago is forgotten first. */
    static final int MAX_SENDERS = 1024;

    private final Logger log;
    private final LongSupplier nanoTime;
    /** When each sender warned last. */
    private final Map<InetSocketAddress, Long> lastWarning = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Long> eldest) {
            return size() > MAX_SENDERS;
        }
    };
    private long intervalStart;
    private int warningsInInterval;
    private long suppressed;

    DecryptionFailureLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.intervalStart = nanoTime.getAsLong();
    }

    /** Gossip from {@code from} was dropped because {@code failure} (no key opened it). */
    synchronized void failed(InetSocketAddress from, GossipDecryptionException failure) {
        log.debug("Dropped gossip from {}: {}", from, failure.getMessage());
        long now = nanoTime.getAsLong();
        if (now - intervalStart >= INTERVAL_NANOS) {
            intervalStart = now;
            warningsInInterval = 0;
        }
        Long last = lastWarning.get(from);
        if (last != null && now - last < INTERVAL_NANOS || warningsInInterval >= MAX_WARNINGS_PER_INTERVAL) {
            suppressed++;
            return;
        }
        lastWarning.put(from, now);
        warningsInInterval++;
        String alsoDropped = suppressed == 0 ? ""
                : " (" + suppressed + " more undecryptable messages since the last such warning)";
        suppressed = 0;
        log.warn("gossip from {} could not be decrypted with any installed key; is the encrypt key the same on every"
                + " agent?{}", from, alsoDropped);
    }
}
