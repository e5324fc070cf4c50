package io.cairn.kv.internal;

import io.cairn.raft.testing.InMemoryState;
import java.util.List;
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
import io.cairn.session.api.Sessions;

/** A one-server Raft that applies each submitted command at once through the real KV handler. */
public final class FakeRaft implements RaftService {

    public final InMemoryState state = new InMemoryState();
    /** The fake monotonic clock of {@link #lockDelays}, in nanoseconds. */
    public long nanos;
    public final LockDelays lockDelays = new LockDelays(() -> nanos);
    private final CommandHandler handler = new KvCommandHandler(lockDelays);
    private long lastIndex;
    public int submitted;

    /** Creates a session record, as the session handler would, so that locks can name it. */
    public void session(String id) {
        state.at(++lastIndex).put(Sessions.TABLE, id, new byte[0]);
    }

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        submitted++;
        if (!type.equals(KvStateMachine.COMMAND_TYPE)) {
            return CompletableFuture.failedFuture(new CommandRejectedException("no handler for " + type));
        }
        try {
            handler.validate(payload);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CommandRejectedException(e.getMessage()));
        }
        lastIndex++;
        byte[] result = handler.apply(payload, state.at(lastIndex));
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
    public CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        throw new UnsupportedOperationException("the KV bundle never waits itself; the HTTP server does");
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
