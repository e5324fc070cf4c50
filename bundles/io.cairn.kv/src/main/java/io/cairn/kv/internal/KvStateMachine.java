package io.cairn.kv.internal;

import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvStore;

/**
 * The KV bundle's replicated state: the {@value #TABLE} table, the {@value #COMMAND_TYPE} command type, and the
 * one set of rules an operation must meet before it enters the log. The edges call {@link #validate} to fail
 * early (the {@link KvStore} service before a round trip, {@code /v1/txn} for every operation it nests), and the
 * leader calls it again because the Raft contract makes it the last word; the verbs themselves are applied by
 * {@link KvOperations}.
 */
public final class KvStateMachine {

    /** The replicated table holding one {@link KvRecord} per key. */
    public static final String TABLE = "kv";

    /** The Raft command type the KV handler owns. */
    public static final String COMMAND_TYPE = "kv";

    private KvStateMachine() {
    }

    /** Refuses an operation no server should apply; {@link IllegalArgumentException} with a message for the user. */
    public static void validate(KvOperation op) {
        boolean prefixVerb = op.verb() == KvOperation.Verb.GET_TREE || op.verb() == KvOperation.Verb.DELETE_TREE;
        if (!prefixVerb && op.key().isEmpty()) {
            throw new IllegalArgumentException("Missing key name");
        }
        checkKey(op.key());
        if (op.value().length > KvStore.MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("Value of " + op.value().length + " bytes too large, max size: "
                    + KvStore.MAX_VALUE_SIZE + " bytes");
        }
    }

    /**
     * Refuses keys that climb out of their path, and keys UTF-8 cannot carry (see
     * {@link KvOperation#requireUnicodeKey}). Any other key is accepted: Consul's brief attempt at a strict
     * character policy broke real users.
     */
    public static void checkKey(String key) {
        if (key.contains("../") || key.contains("..\\")) {
            throw new IllegalArgumentException("key contains path traversal sequence");
        }
        KvOperation.requireUnicodeKey(key);
    }
}
