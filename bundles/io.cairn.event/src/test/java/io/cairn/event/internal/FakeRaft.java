package io.cairn.event.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;
import io.cairn.raft.testing.InMemoryState;

/** A one-server Raft applying each command at once through the real event handler, with change waiters. */
final class FakeRaft implements RaftService {
    final InMemoryState state = new InMemoryState();
    private final EventCommandHandler handler = new EventCommandHandler();
    private final List<CompletableFuture<Long>> waiters = new ArrayList<>();
    private long lastIndex;

    @Override
    public synchronized CompletionStage<CommandResult> submit(String type, byte[] payload) {
        if (!type.equals(EventTable.COMMAND_TYPE)) {
            return CompletableFuture.failedFuture(new CommandRejectedException("no handler for " + type));
        }
        handler.validate(payload);
        lastIndex++;
        byte[] result = handler.apply(payload, state.at(lastIndex));
        List<CompletableFuture<Long>> woken = new ArrayList<>(waiters);
        waiters.clear();
        woken.forEach(w -> w.complete(lastIndex));
        return CompletableFuture.completedFuture(new CommandResult(lastIndex, result));
    }

    @Override
    public CompletionStage<ReadContext> barrier(Consistency consistency) {
        return CompletableFuture.completedFuture(new ReadContext(true, 0, consistency));
    }

    @Override
    public StateView state() {
        return state;
    }

    @Override
    public synchronized CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        long now = state.index(table, prefix);
        if (now > afterIndex) {
            return CompletableFuture.completedFuture(now);
        }
        CompletableFuture<Long> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        return waiter;
    }

    synchronized int waiting() {
        waiters.removeIf(CompletableFuture::isDone);
        return waiters.size();
    }

    @Override
    public Optional<String> leader() {
        return Optional.of("127.0.0.1:8300");
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public RaftConfiguration configuration() {
        return new RaftConfiguration(List.of(), lastIndex);
    }
}
