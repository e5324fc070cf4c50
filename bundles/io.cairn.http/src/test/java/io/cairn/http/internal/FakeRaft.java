package io.cairn.http.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;

/** A Raft service whose state is one index per table and whose waits complete when the test says so. */
final class FakeRaft implements RaftService, StateView {
    record Wait(String table, String prefix, long afterIndex, CompletableFuture<Long> future) {
    }

    final Map<String, Long> indexes = new HashMap<>();
    final List<Wait> waits = new ArrayList<>();
    final List<Consistency> barriers = new ArrayList<>();

    /** Sets a table's index and wakes the waiters it passes, as the Raft core does after an apply. */
    synchronized void write(String table, long index) {
        indexes.put(table, index);
        for (Wait w : List.copyOf(waits)) {
            if (w.table.equals(table) && index > w.afterIndex) {
                w.future.complete(index);
            }
        }
    }

    synchronized List<Wait> pendingWaits() {
        return waits.stream().filter(w -> !w.future.isDone()).toList();
    }

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized CompletionStage<ReadContext> barrier(Consistency consistency) {
        barriers.add(consistency);
        return CompletableFuture.completedFuture(new ReadContext(true, 0, consistency));
    }

    @Override
    public StateView state() {
        return this;
    }

    @Override
    public synchronized CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        waits.add(new Wait(table, prefix, afterIndex, future));
        long current = index(table, prefix);
        if (current > afterIndex) {
            future.complete(current);
        }
        return future;
    }

    @Override
    public Optional<String> leader() {
        return Optional.of("10.0.0.1:8300");
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public RaftConfiguration configuration() {
        return new RaftConfiguration(List.of(), 0);
    }

    @Override
    public CompletionStage<Void> removeServer(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long appliedIndex() {
        return indexes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        return Optional.empty();
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        return List.of();
    }

    @Override
    public synchronized long index(String table, String prefix) {
        return indexes.getOrDefault(table, 0L);
    }

    @Override
    public <T> T read(Function<StateView, T> reader) {
        return reader.apply(this);
    }
}
