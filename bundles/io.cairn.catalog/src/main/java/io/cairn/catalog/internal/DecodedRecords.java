package io.cairn.catalog.internal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/**
 * Decoded catalog records shared by all reads of one component, so a hot record is decoded once per write
 * instead of once per query. Stored records are immutable, so one decoded value can be handed to any number of
 * concurrent readers; their collections are Jackson's mutable ones, so readers must treat them as read-only
 * (the API records copy them).
 * <p>
 * A cached value is reused only for the same key, the same {@code modifyIndex} and the same bytes (the same
 * array, as the Raft core hands out, or equal content, as after a snapshot restore): a rewrite or a
 * delete-and-recreate always has a new {@code modifyIndex}, and comparing the bytes as well keeps the cache
 * right even against a state whose history is not the one it saw. Keys a read finds absent are dropped at
 * once; when the cache is full it first drops keys that are no longer live or were rewritten since, then
 * arbitrary ones, down to three quarters of its capacity so that the sweep runs rarely.
 */
final class DecodedRecords {

    private record Decoded(long modifyIndex, byte[] bytes, Object value) {

        boolean matches(Entry entry) {
            return modifyIndex == entry.modifyIndex()
                    && (bytes == entry.value() || Arrays.equals(bytes, entry.value()));
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Decoded> byKey = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    /**
     * @param capacity the most records kept, give or take one per reader racing to insert; at least 1
     */
    DecodedRecords(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The record {@code entry} holds, decoded as {@code type}; {@code live} is the state {@code entry} was read
     * from, used to tell deleted keys from live ones when room must be made.
     */
    <T> T decode(StateView live, Entry entry, Class<T> type) {
        Decoded cached = byKey.get(entry.key());
        if (cached != null && type.isInstance(cached.value()) && cached.matches(entry)) {
            return type.cast(cached.value());
        }
        T value = ReplicatedJson.decode(entry.value(), type);
        if (cached != null || byKey.size() < capacity || makeRoom(live)) {
            byKey.put(entry.key(), new Decoded(entry.modifyIndex(), entry.value(), value));
        }
        return value;
    }

    /** Drops the record under {@code key}: a read found it gone. */
    void forget(String key) {
        byKey.remove(key);
    }

    /** How many records are kept; for tests. */
    int size() {
        return byKey.size();
    }

    /**
     * Sweeps when full; false if another reader is sweeping (that reader makes the room, this value just
     * goes uncached rather than waiting).
     */
    private boolean makeRoom(StateView live) {
        if (!sweeping.tryLock()) {
            return false;
        }
        try {
            if (byKey.size() < capacity) {
                return true;
            }
            byKey.entrySet().removeIf(e -> live.get(CatalogKeys.TABLE, e.getKey())
                    .map(current -> !e.getValue().matches(current))
                    .orElse(true));
            int target = capacity - Math.max(1, capacity / 4);
            Iterator<String> keys = byKey.keySet().iterator();
            while (byKey.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
            return true;
        } finally {
            sweeping.unlock();
        }
    }
}
