package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> syncs = new ArrayList<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final SyncScheduler scheduler = new SyncScheduler(tasks::add, this::startSync, retries::add, failures::add);

    private CompletionStage<Void> startSync() {
        CompletableFuture<Void> sync = new CompletableFuture<>();
        syncs.add(sync);
        return sync;
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void requestsDuringASyncCoalesceIntoOneMore() {
        scheduler.request();
        scheduler.request();
        runTasks();
        assertEquals(1, syncs.size());
        scheduler.request();
        scheduler.request();
        scheduler.request();
        runTasks();
        assertEquals(1, syncs.size());
        syncs.get(0).complete(null);
        runTasks();
        assertEquals(2, syncs.size());
        syncs.get(1).complete(null);
        runTasks();
        assertEquals(2, syncs.size());
    }

    @Test
    void aFailedSyncIsRetriedLater() {
        scheduler.request();
        runTasks();
        RuntimeException failure = new RuntimeException("No cluster leader");
        syncs.get(0).completeExceptionally(failure);
        assertEquals(List.of(failure), failures);
        assertEquals(1, retries.size());
        retries.get(0).run();
        runTasks();
        assertEquals(2, syncs.size());
    }
}
