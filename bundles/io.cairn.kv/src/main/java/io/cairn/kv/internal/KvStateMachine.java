package io.cairn.kv.internal;

import java.util.Arrays;
import java.util.Optional;

import io.cairn.kv.api.KvStore;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/**
 * Consul's KV write semantics over the {@value #TABLE} table: validation before a command enters the log and
 * the deterministic apply every server runs.
 */
public final class KvStateMachine {

    /** The replicated table holding one {@link KvRecord} per key. */
    public static final String TABLE = "kv";

    /** The Raft command type the KV handler owns. */
    public static final String COMMAND_TYPE = "kv";

    private static final byte[] TRUE = {1};
    private static final byte[] FALSE = {0};

    private KvStateMachine() {
    }

    /** Refuses a command no server should apply; {@link IllegalArgumentException} with a message for the user. */
    public static void validate(KvCommand command) {
        if (command.op() != KvCommand.Op.DELETE_TREE && command.key().isEmpty()) {
            throw new IllegalArgumentException("Missing key name");
        }
        checkKey(command.key());
        if (command.value().length > KvStore.MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("Value of " + command.value().length
                    + " bytes too large, max size: " + KvStore.MAX_VALUE_SIZE + " bytes");
        }
    }

    /**
     * Refuses keys that climb out of their path, and keys UTF-8 cannot carry (an unpaired UTF-16 surrogate, which a
     * JSON escape can send, would be stored as {@code ?} and collide with another key). Any other key is accepted:
     * Consul's brief attempt at a strict character policy broke real users.
     */
    public static void checkKey(String key) {
        if (key.contains("../") || key.contains("..\\")) {
            throw new IllegalArgumentException("key contains path traversal sequence");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("Invalid key: unpaired UTF-16 surrogate \\u%04x at"
                        + " index %d; a key must be valid Unicode", (int) c, i));
            }
        }
    }

    /** Applies {@code command}; returns whether it took effect (false only for a failed check-and-set). */
    public static boolean apply(KvCommand command, StateWriter state) {
        String key = command.key();
        Optional<Entry> existing = command.op() == KvCommand.Op.DELETE_TREE
                ? Optional.empty() : state.get(TABLE, key);
        switch (command.op()) {
            case SET -> write(command, existing, state);
            case CAS -> {
                boolean matches = command.index() == 0
                        ? existing.isEmpty()
                        : existing.isPresent() && existing.get().modifyIndex() == command.index();
                if (!matches) {
                    return false;
                }
                write(command, existing, state);
            }
            case DELETE -> state.delete(TABLE, key);
            case DELETE_CAS -> {
                // As in Consul: a key that is already gone counts as deleted, whatever the index.
                if (existing.isEmpty()) {
                    return true;
                }
                if (existing.get().modifyIndex() != command.index()) {
                    return false;
                }
                state.delete(TABLE, key);
            }
            case DELETE_TREE -> state.deletePrefix(TABLE, key);
        }
        return true;
    }

    /**
     * Writes value and flags; a plain write keeps the key's lock (session and lock index). Writing exactly what
     * is stored changes nothing, so the modify index stays and blocking watchers are not woken for nothing.
     */
    private static void write(KvCommand command, Optional<Entry> existing, StateWriter state) {
        KvRecord old = existing.map(e -> KvRecord.decode(e.value())).orElse(null);
        KvRecord updated = new KvRecord(command.flags(), old == null ? 0 : old.lockIndex(),
                old == null ? "" : old.session(), command.value());
        byte[] encoded = updated.encode();
        if (existing.isPresent() && Arrays.equals(existing.get().value(), encoded)) {
            return;
        }
        state.put(TABLE, command.key(), encoded);
    }

    public static byte[] encodeResult(boolean result) {
        return result ? TRUE.clone() : FALSE.clone();
    }

    public static boolean decodeResult(byte[] result) {
        return result.length == 1 && result[0] == 1;
    }
}
