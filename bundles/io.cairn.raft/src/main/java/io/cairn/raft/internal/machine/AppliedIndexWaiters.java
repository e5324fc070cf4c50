package io.cairn.raft.internal.machine;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Futures that complete once the local server has applied the log up to an index (read-your-writes, barriers). */
public final class AppliedIndexWaiters {

    private record Waiter(long index, CompletableFuture<Void> future) {
    }

    private final Executor executor;
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.index, b.index));
    private long applied;

    public AppliedIndexWaiters(Executor executor) {
        this.executor = executor;
    }

    public CompletableFuture<Void> await(long index) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            if (index > applied) {
                waiters.add(new Waiter(index, future));
                return future;
            }
        }
        future.complete(null);
        return future;
    }

    /** Records that the log is applied up to {@code index}; completes the due waiters on the executor. */
    public void advanced(long index) {
        PriorityQueue<Waiter> due = new PriorityQueue<>(waiters.comparator());
        synchronized (this) {
            applied = Math.max(applied, index);
            while (!waiters.isEmpty() && waiters.peek().index <= applied) {
                due.add(waiters.poll());
            }
        }
        if (!due.isEmpty()) {
            executor.execute(() -> due.forEach(w -> w.future.complete(null)));
        }
    }

    public synchronized long applied() {
        return applied;
    }
}
