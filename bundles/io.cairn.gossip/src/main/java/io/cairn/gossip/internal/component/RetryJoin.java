package io.cairn.gossip.internal.component;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.clock.Scheduler;

/**
 * Consul's {@code retry_join}: tries to join a pool through the given addresses, and after a failure tries again
 * every interval, logging why, until one answers or it is stopped.
 */
final class RetryJoin {
    private static final Logger LOG = LoggerFactory.getLogger(RetryJoin.class);

    private final String pool;
    private final Membership membership;
    private final List<String> addresses;
    private final Duration interval;
    private final Scheduler scheduler;
    private Scheduler.Cancellable next;
    private boolean stopped;
    private int attempts;

    RetryJoin(String pool, Membership membership, List<String> addresses, Duration interval, Scheduler scheduler) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("retry_interval must be a positive duration, not " + interval);
        }
        this.pool = pool;
        this.membership = membership;
        this.addresses = List.copyOf(addresses);
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** Makes the first attempt now. */
    synchronized void start() {
        next = scheduler.schedule(Duration.ZERO, this::attempt);
    }

    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    /** How many attempts were made so far. */
    synchronized int attempts() {
        return attempts;
    }

    private synchronized void attempt() {
        if (stopped) {
            return;
        }
        attempts++;
        LOG.info("Joining the {} pool through {}", pool, addresses);
        membership.join(addresses).whenComplete((joined, failure) -> {
            if (failure == null) {
                LOG.info("Joined the {} pool: {} of {} addresses answered", pool, joined, addresses.size());
                return;
            }
            synchronized (this) {
                if (!stopped) {
                    LOG.warn("Could not join the {} pool (attempt {}), retrying in {}: {}", pool, attempts, interval,
                            failure.getMessage());
                    next = scheduler.schedule(interval, this::attempt);
                }
            }
        });
    }
}
