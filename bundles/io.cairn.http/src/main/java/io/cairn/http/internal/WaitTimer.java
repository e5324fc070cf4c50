package io.cairn.http.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The clock and timer blocking queries use; one shared scheduler thread in production, a fake in tests. */
interface WaitTimer {

    /** A monotonic clock in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} after {@code delayNanos}; the returned handle cancels it. */
    Runnable schedule(Runnable task, long delayNanos);

    /** A timer on {@code scheduler}, whose cancelled tasks must be removed at once (they may be many). */
    static WaitTimer on(ScheduledExecutorService scheduler) {
        return new WaitTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Runnable schedule(Runnable task, long delayNanos) {
                ScheduledFuture<?> future = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }
}
