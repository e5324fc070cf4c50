package io.cairn.raft.internal.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.cairn.raft.api.StateView;

/**
 * Blocking-query waiters: futures that complete when the index of a table prefix passes a value. Waiting holds
 * no thread; futures complete on {@code executor}, never on the thread applying the log.
 */
public final class ChangeNotifier {

    private record Waiter(String prefix, long afterIndex, CompletableFuture<Long> future) {
    }

    private final StateView state;
    private final Executor executor;
    private final Map<String, Set<Waiter>> byTable = new ConcurrentHashMap<>();

    public ChangeNotifier(StateView state, Executor executor) {
        this.state = state;
        this.executor = executor;
    }

    public CompletableFuture<Long> await(String table, String prefix, long afterIndex) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        Waiter waiter = new Waiter(prefix, afterIndex, future);
        Set<Waiter> waiters = byTable.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet());
        waiters.add(waiter);
        future.whenComplete((v, e) -> waiters.remove(waiter));
        // registered before checking, so a change applied in between is seen by one or the other
        long index = state.index(table, prefix);
        if (index > afterIndex) {
            future.complete(index);
        }
        return future;
    }

    /** Wakes the waiters whose prefix covers one of the {@code touched} keys (per table). */
    public void changed(Map<String, List<String>> touched) {
        touched.forEach((table, keys) -> {
            Set<Waiter> waiters = byTable.get(table);
            if (waiters == null || waiters.isEmpty()) {
                return;
            }
            List<Waiter> due = new ArrayList<>();
            for (Waiter w : waiters) {
                if (covers(keys, w.prefix())) {
                    due.add(w);
                }
            }
            wake(table, due);
        });
    }

    /** Re-checks every waiter, e.g. after a snapshot replaced the whole state. */
    public void changedAll() {
        byTable.forEach((table, waiters) -> wake(table, List.copyOf(waiters)));
    }

    private static boolean covers(List<String> keys, String prefix) {
        for (String key : keys) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One task per change rather than one per waiter: thousands of queries often watch the same prefix, whose
     * index is then read once, and a write's own reply (queued on the same executor) does not wait behind them.
     */
    private void wake(String table, List<Waiter> due) {
        if (due.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            Map<String, Long> indexByPrefix = new HashMap<>();
            for (Waiter w : due) {
                long index = indexByPrefix.computeIfAbsent(w.prefix(), prefix -> state.index(table, prefix));
                if (index > w.afterIndex()) {
                    w.future().complete(index);
                }
            }
        });
    }
}
