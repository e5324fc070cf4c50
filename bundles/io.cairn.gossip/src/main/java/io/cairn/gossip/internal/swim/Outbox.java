package io.cairn.gossip.internal.swim;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listener calls queued under the pool's lock and run after it is released: one thread at a time, in the order
 * queued, whichever thread gets there first; a call made from a call only queues. A failing call is logged.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final ConcurrentLinkedQueue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    void add(Runnable call) {
        calls.add(call);
    }

    /** Runs the queued calls unless another thread is running them already. */
    void deliver() {
        while (!calls.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                for (Runnable call = calls.poll(); call != null; call = calls.poll()) {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        LOG.warn("A gossip listener failed", e);
                    }
                }
            } finally {
                delivering.set(false);
            }
        }
    }
}
