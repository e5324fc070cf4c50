package io.cairn.catalog.internal;

import io.cairn.raft.testing.InMemoryState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;

/** A one-server Raft that validates and applies catalog commands at once through the real handler. */
final class FakeRaft implements RaftService {

    final InMemoryState state = new InMemoryState();
    private final CommandHandler handler = new CatalogCommandHandler();

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        if (!type.equals(CatalogStateMachine.COMMAND_TYPE)) {
            return CompletableFuture.failedFuture(new CommandRejectedException("No handler for " + type));
        }
        try {
            handler.validate(payload);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CommandRejectedException(e.getMessage()));
        }
        byte[] result = handler.apply(payload, state.next());
        return CompletableFuture.completedFuture(new CommandResult(state.commandIndex(), result));
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
    public CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        long index = state.index(table, prefix);
        return index > afterIndex ? CompletableFuture.completedFuture(index) : new CompletableFuture<>();
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
        return new RaftConfiguration(java.util.List.of(), 0);
    }
}
