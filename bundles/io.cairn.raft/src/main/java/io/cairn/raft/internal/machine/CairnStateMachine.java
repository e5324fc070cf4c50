package io.cairn.raft.internal.machine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.internal.state.ApplyAbortedException;
import io.cairn.raft.internal.state.StateImage;
import io.cairn.raft.internal.state.TableStore;

/**
 * The deterministic state machine: dispatches each committed command to the {@link CommandHandler} registered
 * for its type and keeps the resulting tables in a {@link TableStore}, snapshotted into Ratis' storage.
 */
public final class CairnStateMachine extends BaseStateMachine {

    /** Marks the message of a refused command so the submitter can tell it from transport failures. */
    public static final String REJECTED_MARK = "[cairn-rejected] ";

    private static final Logger LOG = LoggerFactory.getLogger(CairnStateMachine.class);

    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final TableStore store;
    private final BackgroundSnapshots snapshots;
    private final HandlerRegistry handlers;
    private final ChangeNotifier changes;
    private final AppliedIndexWaiters appliedWaiters;
    private final RaftMetrics metrics;
    private final Supplier<byte[]> progress;
    private final Runnable commandApplied;
    private volatile String waitingForType;
    private volatile boolean stopping;
    /** Set once Ratis could not write its log: it writes nothing more until the server is started again. */
    private volatile boolean logFailed;
    /**
     * The entry of the last command applied (or of the snapshot restored): the position of the tables. Ratis's
     * own applied index also moves over its commit-index entries, no-ops and configurations, which change no
     * table, and may move past an entry left unapplied while stopping; a snapshot is labelled with this one.
     */
    private volatile TermIndex lastCommand = TermIndex.INITIAL_VALUE;

    /**
     * @param progress on the leader, {@link ProgressQuery#encode encoded} progress of every server, for the
     *                 {@link ProgressQuery} a follower sends
     * @param commandApplied run after each log entry of commands is applied (on the leader: after its commit)
     */
    public CairnStateMachine(TableStore store, HandlerRegistry handlers, ChangeNotifier changes,
            AppliedIndexWaiters appliedWaiters, RaftMetrics metrics, Supplier<byte[]> progress,
            Runnable commandApplied) {
        this.store = store;
        this.progress = progress;
        this.commandApplied = commandApplied;
        this.metrics = metrics;
        this.handlers = handlers;
        this.changes = changes;
        this.appliedWaiters = appliedWaiters;
        this.snapshots = new BackgroundSnapshots(storage, store, metrics);
    }

    /**
     * The index the replicated state gives the commands of the log entry at {@code logIndex}: one more, numbering
     * the log from 1 as Consul's Raft does (Ratis numbers it from 0). Consul's clients depend on that numbering:
     * the log's first entry is the leader's configuration, so no record ever has index 1, which is the
     * {@code X-Consul-Index} a read of a table never written reports; a blocking query on index 1 then wakes for
     * the first write. Writes at log index 1 (a new cluster's first command) were invisible to such a query.
     */
    public static long stateIndex(long logIndex) {
        return logIndex + 1;
    }

    /** The command type whose missing handler stops this server from applying the log, if any. */
    public Optional<String> waitingForHandler() {
        return Optional.ofNullable(waitingForType);
    }

    /** Whether a write to the Raft log failed (a full disk, an I/O error) since this state machine started. */
    public boolean logFailed() {
        return logFailed;
    }

    @Override
    public void notifyLogFailed(Throwable cause, LogEntryProto failedEntry) {
        logFailed = true;
    }

    /** Releases an apply blocked on a missing handler, so that the server can close. */
    public void stopWaiting() {
        stopping = true;
        handlers.wakeWaiters();
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        getLifeCycle().startAndTransition(() -> load(storage.getLatestSnapshot()));
    }

    /** Ratis pauses the state machine before it installs a snapshot from the leader, then calls reinitialize. */
    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    @Override
    public void reinitialize() throws IOException {
        load(storage.loadLatestSnapshot());
        getLifeCycle().transition(LifeCycle.State.STARTING);
        getLifeCycle().transition(LifeCycle.State.RUNNING);
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        ByteBuffer data = request.getMessage().getContent().asReadOnlyByteBuffer();
        if (Envelope.isBatch(data)) {
            return startBatch(request, Envelope.parseBatch(data));
        }
        TransactionContext context = super.startTransaction(request);
        Optional<String> refusal = refusal(Envelope.parseCommand(data));
        // refusals travel in the context: Ratis then answers the client with a StateMachineException
        return refusal.isEmpty() ? context
                : context.setException(new IOException(REJECTED_MARK + refusal.get()));
    }

    /**
     * A batch is not refused as a whole for one bad command: each refused command is replaced in the entry by
     * its refusal, which every server then answers without applying anything.
     */
    private TransactionContext startBatch(RaftClientRequest request, List<Envelope.Element> elements) {
        List<Envelope.Element> checked = new ArrayList<>(elements.size());
        boolean refused = false;
        for (Envelope.Element element : elements) {
            Optional<String> refusal = element.command() == null ? Optional.of(element.rejection())
                    : refusal(element.command());
            refused |= refusal.isPresent();
            checked.add(refusal.map(Envelope.Element::rejected).orElse(element));
        }
        TransactionContext.Builder context = TransactionContext.newBuilder().setStateMachine(this)
                .setClientRequest(request);
        if (refused) {
            context.setLogData(UnsafeByteOperations.unsafeWrap(Envelope.batchOf(checked)));
        }
        return context.build();
    }

    /** Why the leader refuses the command before it enters the log: no handler for it, or its handler says so. */
    private Optional<String> refusal(Envelope.Command command) {
        Optional<CommandHandler> handler = handlers.find(command.type());
        if (handler.isEmpty()) {
            return Optional.of("No handler for command type '" + command.type() + "' is registered on the leader");
        }
        try {
            handler.get().validate(command.payload());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long index = entry.getIndex();
        if (stopping) {
            // Ratis goes on to the next entry when one fails: once an entry was left unapplied (stopping while
            // it waited for its handler), none after it may be applied; the log keeps them for the next start
            return CompletableFuture.failedFuture(new ApplyAbortedException("Stopping: log entry " + index
                    + " is left for the next start to apply"));
        }
        ByteBuffer data = entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer();
        byte[] reply;
        try {
            if (Envelope.isBatch(data)) {
                List<Envelope.Element> elements = Envelope.parseBatch(data);
                List<byte[]> replies = new ArrayList<>(elements.size());
                for (Envelope.Element element : elements) {
                    replies.add(element.command() == null ? Envelope.rejected(element.rejection())
                            : apply(element.command(), index));
                }
                reply = Envelope.batchReply(replies);
            } else {
                reply = apply(Envelope.parseCommand(data), index);
            }
        } catch (ApplyAbortedException e) {
            return CompletableFuture.failedFuture(e);
        }
        updateLastAppliedTermIndex(entry.getTerm(), index);
        lastCommand = TermIndex.valueOf(entry.getTerm(), index);
        appliedWaiters.advanced(index);
        commandApplied.run();
        return CompletableFuture.completedFuture(Message.valueOf(UnsafeByteOperations.unsafeWrap(reply)));
    }

    /** Applies one command of the entry at {@code index} and returns its reply; the commands of a batch share it. */
    private byte[] apply(Envelope.Command command, long index) {
        CommandHandler handler = awaitHandler(command.type(), index);
        long started = System.nanoTime();
        TableStore.Applied<byte[]> applied = store.apply(stateIndex(index),
                (type, payload, writer) -> awaitHandler(type, index).apply(payload, writer),
                writer -> handler.apply(command.payload(), writer));
        metrics.fsmApplied(command.type(), System.nanoTime() - started);
        changes.changed(applied.touched());
        if (applied.failure() == null) {
            return Envelope.ok(applied.result());
        }
        LOG.warn("Command of type '{}' at index {} failed while being applied", command.type(), index,
                applied.failure());
        return Envelope.failed(String.valueOf(applied.failure().getMessage()));
    }

    /**
     * The handler for a command (top-level or nested) of the entry at {@code index}, waiting for it like
     * {@link #handlerFor}; if the server stops meanwhile the entry is not applied.
     */
    private CommandHandler awaitHandler(String type, long index) {
        try {
            CommandHandler handler = handlerFor(type, index);
            if (handler != null) {
                return handler;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ApplyAbortedException("Closed while waiting for a handler of type '" + type + "'");
    }

    /** Never skips a committed entry: waits for its handler, keeping the log order (see CommandHandler). */
    private CommandHandler handlerFor(String type, long index) throws InterruptedException {
        Optional<CommandHandler> handler = handlers.find(type);
        if (handler.isPresent()) {
            return handler.get();
        }
        waitingForType = type;
        LOG.warn("Not ready: log entry {} has command type '{}' but no handler for it is registered; applying "
                + "stops here until one is", index, type);
        try {
            return handlers.await(type, () -> stopping).orElse(null);
        } finally {
            waitingForType = null;
        }
    }

    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        if (stopping) {
            return; // an entry before this one may have been left unapplied (see applyTransaction)
        }
        // configuration, commit-index and leader no-op entries: they advance the applied index without a command
        super.notifyTermIndexUpdated(term, index);
        appliedWaiters.advanced(index);
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        byte[] query = request.getContent().toByteArray();
        if (Arrays.equals(query, ProgressQuery.QUERY)) {
            return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(progress.get())));
        }
        if (!Arrays.equals(query, Envelope.APPLIED_INDEX_QUERY)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Unknown query"));
        }
        // The last command applied, not the last entry: a follower learns that Ratis's commit-index entries and
        // no-ops are committed only with the next append, up to a heartbeat later, and they change no table.
        long index = Math.max(0, lastCommand.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(Envelope.appliedIndex(index))));
    }

    @Override
    public long takeSnapshot() throws IOException {
        if (lastCommand.getIndex() < 0) {
            return RaftLog.INVALID_LOG_INDEX; // no command yet: nothing to keep
        }
        return snapshots.poll(lastCommand);
    }

    @Override
    public void close() throws IOException {
        snapshots.close();
        super.close();
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
        metrics.leaderChanged();
    }

    private void load(SingleFileSnapshotInfo snapshot) throws IOException {
        if (snapshot == null) {
            return;
        }
        Path file = snapshot.getFile().getPath();
        if (snapshot.getFile().getFileDigest() != null) {
            MD5FileUtil.verifySavedMD5(file.toFile(), snapshot.getFile().getFileDigest());
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            store.restore(StateImage.read(in));
        }
        setLastAppliedTermIndex(snapshot.getTermIndex());
        lastCommand = snapshot.getTermIndex();
        appliedWaiters.advanced(snapshot.getIndex());
        changes.changedAll();
        LOG.info("Replicated state restored from the snapshot at index {}", snapshot.getIndex());
    }
}
