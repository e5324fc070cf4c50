package io.cairn.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.kv.api.KvOperationResult;
import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;
import io.cairn.raft.testing.InMemoryState;
import io.cairn.session.api.Sessions;

/**
 * A one-server Raft applying {@code session} commands at once through the real handler; the nested {@code kv}
 * handler only records the invalidations it is given.
 */
final class FakeRaft implements RaftService {

    final InMemoryState state = new InMemoryState();
    final List<KvSessionInvalidation> invalidations = new ArrayList<>();
    final CommandHandler handler;
    boolean leader = true;
    int submitted;

    FakeRaft(SessionTimers timers) {
        handler = new SessionCommandHandler(timers);
        state.handle(SessionStateMachine.KV_COMMAND_TYPE, (payload, writer) -> {
            invalidations.add(KvSessionInvalidation.decode(payload));
            return KvOperationResult.done(List.of()).encode();
        });
    }

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        submitted++;
        if (!type.equals(Sessions.COMMAND_TYPE)) {
            return CompletableFuture.failedFuture(new IllegalStateException("no handler for " + type));
        }
        handler.validate(payload);
        byte[] result = state.applyCommand(handler, payload);
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
        throw new UnsupportedOperationException("sessions never wait themselves");
    }

    @Override
    public Optional<String> leader() {
        return Optional.of("127.0.0.1:8300");
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public RaftConfiguration configuration() {
        return new RaftConfiguration(List.of(), state.commandIndex());
    }
}
