package io.cairn.http.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the agent has started, as its HTTP API sees it: every bundle it boots with is started and every
 * endpoint service those bundles can register is registered. Until then a request that no route serves may be
 * for a route not registered yet, and the {@link Dispatcher} answers it 503 instead of 404.
 * <p>
 * While the agent shuts down it no longer counts as started: the other subsystems stop first and take their
 * endpoints with them, and a request for one of those is again not one for a path that does not exist.
 * <p>
 * Once started, it stays started until then: endpoints that come and go later (a feature installed or removed at run time)
 * answer 404 while they are absent, as before. An endpoint component still waiting for a service it needs
 * {@link #ENDPOINT_GRACE} after the bundles started is given up on with a warning, so that a component that can
 * never be satisfied does not keep unknown paths at 503 for good.
 */
final class BootReadiness implements BooleanSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(BootReadiness.class);
    static final Duration ENDPOINT_GRACE = Duration.ofSeconds(60);

    /** What the platform says about the agent's start; {@link KarafBoot} reads it from Karaf and DS. */
    interface Signals {

        /** Whether every bundle of the boot features is installed and has been started. */
        boolean bundlesStarted();

        /**
         * The endpoint components that are enabled but wait for a service they need, each with what it waits
         * for (for the log); empty when every endpoint component that can register has.
         */
        List<String> waitingEndpoints();

        /** Whether the agent is shutting down: its subsystems remove their endpoints before this server closes. */
        boolean stopping();
    }

    private final Signals signals;
    private final LongSupplier nanoTime;
    private final Duration grace;
    private volatile boolean started;
    /** When {@link #check} first saw the bundles started; guarded by this. */
    private long bundlesStartedAt;
    private boolean bundlesSeenStarted;

    BootReadiness(Signals signals, LongSupplier nanoTime, Duration endpointGrace) {
        this.signals = signals;
        this.nanoTime = nanoTime;
        this.grace = endpointGrace;
    }

    /** Whether the agent has started, as of the last {@link #check}, and is not shutting down. */
    @Override
    public boolean getAsBoolean() {
        return started && !signals.stopping();
    }

    /** Asks the platform again, unless started already; returns whether the agent has started. */
    synchronized boolean check() {
        if (started) {
            return true;
        }
        if (!signals.bundlesStarted()) {
            return false;
        }
        long now = nanoTime.getAsLong();
        if (!bundlesSeenStarted) {
            bundlesSeenStarted = true;
            bundlesStartedAt = now;
        }
        List<String> waiting = signals.waitingEndpoints();
        if (waiting.isEmpty()) {
            LOG.info("HTTP API ready: the boot features are started and their endpoints registered");
            started = true;
        } else if (now - bundlesStartedAt >= grace.toNanos()) {
            LOG.warn("HTTP API ready although endpoint components still wait for services after {} s: {}; their"
                    + " paths answer 404 until they register", grace.toSeconds(), waiting);
            started = true;
        } else {
            LOG.debug("Boot features started; endpoint components still waiting: {}", waiting);
        }
        return started;
    }
}
