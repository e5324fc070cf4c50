package io.cairn.txn.internal;

import java.util.List;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/** A stand-in for the KV handler with just enough verbs (set, get, check-index) to drive transactions. */
final class FakeKv implements CommandHandler {

    static final String TABLE = "kv";

    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        KvOperation op = KvOperation.decode(payload);
        return (switch (op.verb()) {
            case SET -> {
                Entry e = state.put(TABLE, op.key(), op.value());
                yield KvOperationResult.done(List.of(entry(e, false)));
            }
            case GET -> state.get(TABLE, op.key())
                    .map(e -> KvOperationResult.done(List.of(entry(e, true))))
                    .orElseGet(() -> KvOperationResult.failed("key \"" + op.key() + "\" doesn't exist"));
            case CHECK_INDEX -> state.get(TABLE, op.key())
                    .filter(e -> e.modifyIndex() == op.index())
                    .map(e -> KvOperationResult.done(List.of(entry(e, false))))
                    .orElseGet(() -> KvOperationResult.failed("index check failed for \"" + op.key() + "\""));
            default -> throw new IllegalArgumentException("FakeKv cannot " + op.verb());
        }).encode();
    }

    private static KvEntry entry(Entry e, boolean withValue) {
        return new KvEntry(e.key(), withValue ? e.value() : new byte[0], 0, 0, "", e.createIndex(), e.modifyIndex());
    }

    static TxnCommand.Op op(KvOperation.Verb verb, String key, String value, long index) {
        return new TxnCommand.Op(TxnExecutor.KV, new KvOperation(verb, key, value.getBytes(), 0, index, "").encode());
    }
}
