package io.cairn.tcp;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs connections a listener refused or cut off: each one at debug, and at most one warning a minute
 * that counts them, so that a client opening connections in a loop cannot flood the agent's log.
 */
final class RefusalLog {

    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String what;
    private final LongSupplier nanoTime;
    private long nextWarning;
    private boolean warnedOnce;
    private int unreported;

    /** @param what names the listener in the messages, e.g. "DNS TCP listener" */
    RefusalLog(Logger log, String what, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.nanoTime = nanoTime;
    }

    /** Records one refusal; called on the listener's own thread only. */
    void refused(Object peer, String reason) {
        String shortReason = reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
        log.debug("The {} dropped a connection from {}: {}", what, peer, shortReason);
        unreported++;
        long now = nanoTime.getAsLong();
        if (!warnedOnce || now - nextWarning >= 0) {
            log.warn("The {} dropped {} connection(s) since its last such warning (at most one a minute), the latest"
                    + " from {}: {}", what, unreported, peer, shortReason);
            warnedOnce = true;
            unreported = 0;
            nextWarning = now + INTERVAL_NANOS;
        }
    }
}
