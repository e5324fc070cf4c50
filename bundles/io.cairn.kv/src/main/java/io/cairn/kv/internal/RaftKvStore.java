package io.cairn.kv.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperation.Verb;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.kv.api.KvStore;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link KvStore} over the Raft log: each write is one {@link KvOperation} submitted as a {@code kv} command, reads
 * follow a consistency barrier.
 */
@Component(service = KvStore.class)
public final class RaftKvStore implements KvStore {

    private final RaftService raft;
    private final LockDelays lockDelays;

    @Activate
    public RaftKvStore(@Reference(name = "raft") RaftService raft,
            @Reference(name = "lockDelays") LockDelays lockDelays) {
        this.raft = raft;
        this.lockDelays = lockDelays;
    }

    @Override
    public CompletionStage<Optional<KvEntry>> get(String key, Consistency consistency) {
        return read(consistency, state -> KvReads.get(state, key));
    }

    @Override
    public CompletionStage<List<KvEntry>> list(String prefix, Consistency consistency) {
        return read(consistency, state -> KvReads.list(state, prefix));
    }

    @Override
    public CompletionStage<List<String>> keys(String prefix, String separator, Consistency consistency) {
        return read(consistency, state -> KvReads.keys(state, prefix, separator == null ? "" : separator));
    }

    @Override
    public CompletionStage<Boolean> put(String key, byte[] value, long flags) {
        return submit(Verb.SET, key, value, flags, 0, "");
    }

    @Override
    public CompletionStage<Boolean> checkAndSet(String key, byte[] value, long flags, long modifyIndex) {
        return submit(Verb.CAS, key, value, flags, modifyIndex, "");
    }

    @Override
    public CompletionStage<Boolean> acquire(String key, byte[] value, long flags, String session) {
        return submit(Verb.LOCK, key, value, flags, 0, session);
    }

    @Override
    public CompletionStage<Boolean> release(String key, byte[] value, long flags, String session) {
        return submit(Verb.UNLOCK, key, value, flags, 0, session);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return submit(Verb.DELETE, key, null, 0, 0, "");
    }

    @Override
    public CompletionStage<Boolean> deleteIfIndex(String key, long modifyIndex) {
        return submit(Verb.DELETE_CAS, key, null, 0, modifyIndex, "");
    }

    @Override
    public CompletionStage<Boolean> deleteTree(String prefix) {
        return submit(Verb.DELETE_TREE, prefix, null, 0, 0, "");
    }

    /**
     * Completes with whether the operation took effect (false when its condition fails), or fails with
     * {@link IllegalStateException} for a lock naming an unknown session. Bad input fails here, before a round trip
     * to the leader that would refuse it anyway; within a key's lock delay an acquisition is false without a round
     * trip, as Consul's leader answers.
     */
    private CompletionStage<Boolean> submit(Verb verb, String key, byte[] value, long flags, long index,
            String session) {
        KvOperation op;
        try {
            op = new KvOperation(verb, key, value, flags, index, session);
            KvStateMachine.validate(op);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (verb == Verb.LOCK && lockDelays.delayed(key)) {
            return CompletableFuture.completedFuture(false);
        }
        return raft.submit(KvStateMachine.COMMAND_TYPE, op.encode()).thenApply(result -> {
            KvOperationResult outcome = KvOperationResult.decode(result.result());
            if (outcome.outcome() == KvOperationResult.Outcome.INVALID) {
                throw new IllegalStateException(outcome.message());
            }
            return outcome.done();
        });
    }

    private <T> CompletionStage<T> read(Consistency consistency, Function<StateView, T> reader) {
        return raft.barrier(consistency).thenApply(context -> raft.state().read(reader));
    }
}
