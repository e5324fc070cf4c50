package io.cairn.agent.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs syncs one at a time: requests made while one runs coalesce into a single follow-up, so a burst of local
 * changes costs one catalog round. A failed sync is retried through {@code retryLater} (and the periodic full
 * sync catches anything missed in any case).
 */
final class SyncScheduler {
    private final Executor executor;
    private final Supplier<CompletionStage<Void>> sync;
    private final Consumer<Runnable> retryLater;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private boolean pending;

    /**
     * @param executor   where syncs start
     * @param sync       one sync
     * @param retryLater schedules a retry after a failure
     * @param onFailure  told about each failed sync (for the log)
     */
    SyncScheduler(Executor executor, Supplier<CompletionStage<Void>> sync, Consumer<Runnable> retryLater,
            Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.sync = sync;
        this.retryLater = retryLater;
        this.onFailure = onFailure;
    }

    /** Asks for a sync soon. */
    void request() {
        synchronized (this) {
            if (pending) {
                return;
            }
            pending = true;
        }
        executor.execute(this::startIfIdle);
    }

    private void startIfIdle() {
        synchronized (this) {
            if (running || !pending) {
                return;
            }
            running = true;
            pending = false;
        }
        CompletionStage<Void> stage;
        try {
            stage = sync.get();
        } catch (RuntimeException e) {
            finished(e);
            return;
        }
        stage.whenComplete((ignored, failure) -> finished(failure));
    }

    private void finished(Throwable failure) {
        boolean again;
        synchronized (this) {
            running = false;
            again = pending;
        }
        if (failure != null) {
            onFailure.accept(failure);
            retryLater.accept(this::request);
        }
        if (again) {
            executor.execute(this::startIfIdle);
        }
    }
}
