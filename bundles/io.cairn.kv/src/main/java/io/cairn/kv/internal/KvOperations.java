package io.cairn.kv.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.cairn.go.lang.GoQuote;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;
import io.cairn.session.api.Sessions;

/**
 * Consul's KV transaction verbs and session locks over the {@value KvStateMachine#TABLE} table, with Consul's
 * error texts. Deterministic: a lock checks that its session exists in the replicated session table, never a
 * clock; the lock delay is checked before a lock request is submitted (see {@link LockDelays}).
 */
public final class KvOperations {

    private final LockDelays lockDelays;

    public KvOperations(LockDelays lockDelays) {
        this.lockDelays = lockDelays;
    }

    public KvOperationResult apply(KvOperation op, StateWriter state) {
        String key = op.key();
        Optional<Entry> existing = state.get(KvStateMachine.TABLE, key);
        KvRecord old = existing.map(e -> KvRecord.decode(e.value())).orElse(null);
        return switch (op.verb()) {
            case SET -> written(state, key, existing, new KvRecord(op.flags(), old == null ? 0 : old.lockIndex(),
                    old == null ? "" : old.session(), op.value()));
            case CAS -> {
                boolean matches = op.index() == 0
                        ? existing.isEmpty()
                        : existing.isPresent() && existing.get().modifyIndex() == op.index();
                if (!matches) {
                    yield KvOperationResult.failed("failed to set key " + q(key) + ", index is stale");
                }
                yield written(state, key, existing, new KvRecord(op.flags(), old == null ? 0 : old.lockIndex(),
                        old == null ? "" : old.session(), op.value()));
            }
            case LOCK -> lock(op, state, existing, old);
            case UNLOCK -> unlock(op, state, existing, old);
            case GET -> existing.map(e -> KvOperationResult.done(List.of(KvRecord.toEntry(e))))
                    .orElseGet(() -> KvOperationResult.failed("key " + q(key) + " doesn't exist"));
            case GET_OR_EMPTY -> KvOperationResult.done(List.of(existing.map(KvRecord::toEntry)
                    .orElseGet(() -> new KvEntry(key, new byte[0], 0, 0, "", 0, 0))));
            case GET_TREE -> KvOperationResult.done(KvReads.list(state, key));
            case CHECK_INDEX -> {
                if (existing.isEmpty()) {
                    yield KvOperationResult.failed("failed to check index, key " + q(key) + " doesn't exist");
                }
                if (existing.get().modifyIndex() != op.index()) {
                    yield KvOperationResult.failed("failed index check for key " + q(key)
                            + ", current modify index " + existing.get().modifyIndex() + " != " + op.index());
                }
                yield KvOperationResult.done(List.of(withoutValue(KvRecord.toEntry(existing.get()))));
            }
            case CHECK_SESSION -> {
                if (existing.isEmpty()) {
                    yield KvOperationResult.failed("failed to check session, key " + q(key) + " doesn't exist");
                }
                if (!old.session().equals(op.session())) {
                    yield KvOperationResult.failed("failed session check for key " + q(key) + ", current session "
                            + q(old.session()) + " != " + q(op.session()));
                }
                yield KvOperationResult.done(List.of(withoutValue(KvRecord.toEntry(existing.get()))));
            }
            case CHECK_NOT_EXISTS -> existing.isPresent()
                    ? KvOperationResult.failed("key " + q(key) + " exists")
                    : KvOperationResult.done(List.of());
            case DELETE -> {
                state.delete(KvStateMachine.TABLE, key);
                yield KvOperationResult.done(List.of());
            }
            case DELETE_TREE -> {
                state.deletePrefix(KvStateMachine.TABLE, key);
                yield KvOperationResult.done(List.of());
            }
            case DELETE_CAS -> {
                if (existing.isPresent() && existing.get().modifyIndex() != op.index()) {
                    yield KvOperationResult.failed("failed to delete key " + q(key) + ", index is stale");
                }
                state.delete(KvStateMachine.TABLE, key);
                yield KvOperationResult.done(List.of());
            }
        };
    }

    /**
     * A new acquisition raises the lock index; the holder acquiring again only rewrites value and flags. The
     * session must exist (Consul checks it in the same transaction, so a lock never outlives its session).
     */
    private static KvOperationResult lock(KvOperation op, StateWriter state, Optional<Entry> existing, KvRecord old) {
        if (op.session().isEmpty()) {
            return KvOperationResult.invalid("missing session");
        }
        if (state.get(Sessions.TABLE, op.session()).isEmpty()) {
            return KvOperationResult.invalid("invalid session " + q(op.session()));
        }
        if (old != null && !old.session().isEmpty() && !old.session().equals(op.session())) {
            return KvOperationResult.failed("failed to lock key " + q(op.key()) + ", lock is already held");
        }
        long lockIndex = old == null ? 1 : old.session().equals(op.session()) ? old.lockIndex() : old.lockIndex() + 1;
        return written(state, op.key(), existing, new KvRecord(op.flags(), lockIndex, op.session(), op.value()));
    }

    private static KvOperationResult unlock(KvOperation op, StateWriter state, Optional<Entry> existing,
            KvRecord old) {
        if (op.session().isEmpty()) {
            return KvOperationResult.invalid("missing session");
        }
        if (old == null || !old.session().equals(op.session())) {
            return KvOperationResult.failed("failed to unlock key " + q(op.key())
                    + ", lock isn't held, or is held by another session");
        }
        return written(state, op.key(), existing, new KvRecord(op.flags(), old.lockIndex(), "", op.value()));
    }

    /**
     * Releases or deletes every key the session holds and arms their lock delay on this server. Scans the
     * table: invalidations are rare next to reads and writes, so no session index is kept.
     */
    public KvOperationResult invalidate(KvSessionInvalidation invalidation, StateWriter state) {
        List<Entry> held = new ArrayList<>();
        for (Entry entry : state.scan(KvStateMachine.TABLE, "")) {
            if (KvRecord.decode(entry.value()).session().equals(invalidation.session())) {
                held.add(entry);
            }
        }
        for (Entry entry : held) {
            KvRecord r = KvRecord.decode(entry.value());
            if (invalidation.deleteKeys()) {
                state.delete(KvStateMachine.TABLE, entry.key());
            } else {
                state.put(KvStateMachine.TABLE, entry.key(), new KvRecord(r.flags(), r.lockIndex(), "", r.value())
                        .encode());
            }
            lockDelays.arm(entry.key(), invalidation.lockDelayNanos());
        }
        return KvOperationResult.done(List.of());
    }

    /** Writes unless nothing changes; the result is the entry as written, without its value (as Consul's). */
    private static KvOperationResult written(StateWriter state, String key, Optional<Entry> existing,
            KvRecord record) {
        byte[] encoded = record.encode();
        Entry entry = existing.isPresent() && Arrays.equals(existing.get().value(), encoded)
                ? existing.get()
                : state.put(KvStateMachine.TABLE, key, encoded);
        return KvOperationResult.done(List.of(withoutValue(KvRecord.toEntry(entry))));
    }

    private static KvEntry withoutValue(KvEntry e) {
        return new KvEntry(e.key(), new byte[0], e.flags(), e.lockIndex(), e.session(), e.createIndex(),
                e.modifyIndex());
    }

    private static String q(String s) {
        return GoQuote.quote(s);
    }
}
