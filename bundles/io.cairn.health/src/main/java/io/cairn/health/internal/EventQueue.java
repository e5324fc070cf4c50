package io.cairn.health.internal;

import java.util.ArrayDeque;
import java.util.Queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener calls one at a time and in the order they were queued, without holding the engine's lock:
 * changes are queued under the lock and delivered by whichever thread drains after releasing it. A listener that
 * calls back into the engine only queues more calls, which the draining thread delivers next.
 */
final class EventQueue {

    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean draining;

    synchronized void add(Runnable event) {
        pending.add(event);
    }

    void drain() {
        while (true) {
            Runnable event;
            synchronized (this) {
                if (draining || pending.isEmpty()) {
                    return;
                }
                event = pending.poll();
                draining = true;
            }
            try {
                event.run();
            } catch (RuntimeException e) {
                LOG.warn("A health-check listener failed", e);
            } finally {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }
}
