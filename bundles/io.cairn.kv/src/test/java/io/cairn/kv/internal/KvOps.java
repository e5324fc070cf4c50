package io.cairn.kv.internal;

import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperation.Verb;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.raft.api.StateWriter;

/** The test kit's shorthand for the write operations the KV bundle applies, and for applying one to a state. */
public final class KvOps {

    private KvOps() {
    }

    public static KvOperation set(String key, byte[] value, long flags) {
        return new KvOperation(Verb.SET, key, value, flags, 0, "");
    }

    public static KvOperation cas(String key, byte[] value, long flags, long index) {
        return new KvOperation(Verb.CAS, key, value, flags, index, "");
    }

    public static KvOperation delete(String key) {
        return new KvOperation(Verb.DELETE, key, null, 0, 0, "");
    }

    public static KvOperation deleteCas(String key, long index) {
        return new KvOperation(Verb.DELETE_CAS, key, null, 0, index, "");
    }

    public static KvOperation deleteTree(String prefix) {
        return new KvOperation(Verb.DELETE_TREE, prefix, null, 0, 0, "");
    }

    /** Applies {@code op} as the KV handler does (no lock delays involved); returns whether it took effect. */
    public static boolean apply(KvOperation op, StateWriter state) {
        KvOperationResult outcome = new KvOperations(new LockDelays()).apply(op, state);
        return outcome.done();
    }
}
