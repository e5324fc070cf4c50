package io.cairn.kv.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;

/** A KvStore with Consul's write semantics in a map, each write one index further; can lose its leader. */
final class InMemoryKvStore implements KvStore {

    final TreeMap<String, KvEntry> entries = new TreeMap<>();
    boolean leaderless;
    private long index;

    private <T> CompletionStage<T> answer(T value) {
        return leaderless ? CompletableFuture.failedFuture(new NoLeaderException())
                : CompletableFuture.completedFuture(value);
    }

    @Override
    public CompletionStage<Optional<KvEntry>> get(String key, Consistency consistency) {
        return answer(Optional.ofNullable(entries.get(key)));
    }

    @Override
    public CompletionStage<List<KvEntry>> list(String prefix, Consistency consistency) {
        return answer(entries.values().stream().filter(e -> e.key().startsWith(prefix)).toList());
    }

    @Override
    public CompletionStage<List<String>> keys(String prefix, String separator, Consistency consistency) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String key : entries.keySet()) {
            if (key.startsWith(prefix)) {
                int at = separator.isEmpty() ? -1 : key.indexOf(separator, prefix.length());
                keys.add(at < 0 ? key : key.substring(0, at + separator.length()));
            }
        }
        return answer(new ArrayList<>(keys));
    }

    @Override
    public CompletionStage<Boolean> put(String key, byte[] value, long flags) {
        if (leaderless) {
            return answer(false);
        }
        index++;
        KvEntry old = entries.get(key);
        entries.put(key, new KvEntry(key, value, flags, 0, "", old == null ? index : old.createIndex(), index));
        return answer(true);
    }

    @Override
    public CompletionStage<Boolean> checkAndSet(String key, byte[] value, long flags, long modifyIndex) {
        KvEntry old = entries.get(key);
        boolean matches = modifyIndex == 0 ? old == null : old != null && old.modifyIndex() == modifyIndex;
        return matches ? put(key, value, flags) : answer(false);
    }

    /** The console has no lock commands; a lock through this store is a test mistake. */
    @Override
    public CompletionStage<Boolean> acquire(String key, byte[] value, long flags, String session) {
        throw new UnsupportedOperationException("kv:* commands never lock");
    }

    @Override
    public CompletionStage<Boolean> release(String key, byte[] value, long flags, String session) {
        throw new UnsupportedOperationException("kv:* commands never lock");
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        entries.remove(key);
        return answer(true);
    }

    @Override
    public CompletionStage<Boolean> deleteIfIndex(String key, long modifyIndex) {
        KvEntry old = entries.get(key);
        if (old != null && old.modifyIndex() != modifyIndex) {
            return answer(false);
        }
        entries.remove(key);
        return answer(true);
    }

    @Override
    public CompletionStage<Boolean> deleteTree(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
        return answer(true);
    }
}
