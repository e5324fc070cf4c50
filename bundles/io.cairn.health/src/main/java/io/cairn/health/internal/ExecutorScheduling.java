package io.cairn.health.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scheduling} on a small shared {@link ScheduledExecutorService}: all checks share its few threads. */
final class ExecutorScheduling implements Scheduling {

    private final ScheduledExecutorService executor;

    ExecutorScheduling(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
