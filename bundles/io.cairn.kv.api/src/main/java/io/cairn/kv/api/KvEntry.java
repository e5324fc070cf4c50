package io.cairn.kv.api;

/**
 * One key as Consul's KVPair describes it.
 *
 * @param key         the key
 * @param value       the value bytes (never {@code null}; empty for an empty value)
 * @param flags       opaque unsigned 64-bit flags stored for the client
 * @param lockIndex   how many times a session has newly acquired the key
 * @param session     the session holding the lock, or {@code ""} when unlocked
 * @param createIndex Raft index that created the key
 * @param modifyIndex Raft index that last wrote it
 */
public record KvEntry(String key, byte[] value, long flags, long lockIndex, String session, long createIndex,
        long modifyIndex) {
}
