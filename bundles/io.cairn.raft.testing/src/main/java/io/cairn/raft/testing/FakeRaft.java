package io.cairn.raft.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A one-server Raft over an {@link InMemoryState}: each submitted command is validated and applied at once, at the
 * next index, through the handler {@linkplain #handle registered} for its type, as the Raft core would (a type
 * without a handler and a payload the handler refuses fail the stage with {@link CommandRejectedException}; a
 * throwing {@code apply} is rolled back). {@link #awaitChange} waiters complete when a command moves their index.
 * Reads never wait: every {@link #barrier} answers at once with a known leader.
 */
public class FakeRaft implements RaftService {
    private final List<String> removedServers = new ArrayList<>();

    /** The Raft address {@link #leader()} reports. */
    public static final String LEADER_ADDRESS = "127.0.0.1:8300";

    /** A pending {@link #awaitChange}. */
    private record Waiter(String table, String prefix, long afterIndex, CompletableFuture<Long> future) {
    }

    private final InMemoryState state = new InMemoryState();
    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile boolean leader = true;
    private int submitted;

    /** Registers the handler for commands of {@code type}, both submitted and nested ones. */
    public synchronized FakeRaft handle(String type, CommandHandler handler) {
        handlers.put(type, handler);
        state.handle(type, handler);
        return this;
    }

    /** Makes this server the leader or a follower, for code that acts on leadership. */
    public void setLeader(boolean isLeader) {
        leader = isLeader;
    }

    /** How many commands were submitted, refused ones included. */
    public synchronized int submitted() {
        return submitted;
    }

    /** How many {@link #awaitChange} futures are still waiting (neither completed nor cancelled). */
    public synchronized int waiting() {
        waiters.removeIf(w -> w.future().isDone());
        return waiters.size();
    }

    @Override
    public synchronized CompletionStage<CommandResult> submit(String type, byte[] payload) {
        submitted++;
        CommandHandler handler = handlers.get(type);
        if (handler == null) {
            return CompletableFuture.failedFuture(new CommandRejectedException("No handler for command type " + type));
        }
        try {
            handler.validate(payload);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new CommandRejectedException(e.getMessage()));
        }
        byte[] result;
        try {
            result = state.applyCommand(handler, payload);
        } catch (RuntimeException e) {
            wake();
            return CompletableFuture.failedFuture(e);
        }
        wake();
        return CompletableFuture.completedFuture(new CommandResult(state.commandIndex(), result));
    }

    @Override
    public CompletionStage<ReadContext> barrier(Consistency consistency) {
        return CompletableFuture.completedFuture(new ReadContext(true, 0, consistency));
    }

    /** The replicated tables; tests may also write to them directly (start with {@link InMemoryState#next()}). */
    @Override
    public InMemoryState state() {
        return state;
    }

    @Override
    public synchronized CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        long now = state.index(table, prefix);
        if (now > afterIndex) {
            return CompletableFuture.completedFuture(now);
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        waiters.add(new Waiter(table, prefix, afterIndex, future));
        return future;
    }

    @Override
    public Optional<String> leader() {
        return Optional.of(LEADER_ADDRESS);
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public synchronized RaftConfiguration configuration() {
        return new RaftConfiguration(List.of(), state.commandIndex());
    }

    /** Records the removal; see {@link #removedServers()}. */
    @Override
    public synchronized CompletionStage<Void> removeServer(String id) {
        removedServers.add(id);
        return CompletableFuture.completedFuture(null);
    }

    /** The ids {@link #removeServer} was called with, in order. */
    public synchronized List<String> removedServers() {
        return List.copyOf(removedServers);
    }

    private void wake() {
        List<Waiter> ready = new ArrayList<>();
        waiters.removeIf(w -> {
            boolean done = w.future().isDone() || state.index(w.table(), w.prefix()) > w.afterIndex();
            if (done) {
                ready.add(w);
            }
            return done;
        });
        ready.forEach(w -> w.future().complete(state.index(w.table(), w.prefix())));
    }
}
