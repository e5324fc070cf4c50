package io.cairn.kv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/** The Raft core's tables as the API describes them, in memory: live records plus deletion tombstones. */
public final class InMemoryState implements StateWriter {

    private final Map<String, TreeMap<String, Entry>> tables = new HashMap<>();
    private final Map<String, TreeMap<String, Long>> tombstones = new HashMap<>();
    private long commandIndex;
    private long appliedIndex;

    /** Starts applying the command at {@code index}. */
    public InMemoryState at(long index) {
        commandIndex = index;
        appliedIndex = index;
        return this;
    }

    @Override
    public long commandIndex() {
        return commandIndex;
    }

    @Override
    public Entry put(String table, String key, byte[] value) {
        TreeMap<String, Entry> rows = tables.computeIfAbsent(table, t -> new TreeMap<>());
        Entry old = rows.get(key);
        Entry entry = new Entry(key, value.clone(), old == null ? commandIndex : old.createIndex(), commandIndex);
        rows.put(key, entry);
        tombstones.computeIfAbsent(table, t -> new TreeMap<>()).remove(key);
        return entry;
    }

    @Override
    public boolean delete(String table, String key) {
        TreeMap<String, Entry> rows = tables.computeIfAbsent(table, t -> new TreeMap<>());
        if (rows.remove(key) == null) {
            return false;
        }
        tombstones.computeIfAbsent(table, t -> new TreeMap<>()).put(key, commandIndex);
        return true;
    }

    @Override
    public int deletePrefix(String table, String prefix) {
        int removed = 0;
        for (Entry entry : scan(table, prefix)) {
            removed += delete(table, entry.key()) ? 1 : 0;
        }
        return removed;
    }

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        return Optional.ofNullable(tables.getOrDefault(table, new TreeMap<>()).get(key));
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : tables.getOrDefault(table, new TreeMap<>()).tailMap(prefix).values()) {
            if (!entry.key().startsWith(prefix)) {
                break;
            }
            out.add(entry);
        }
        return out;
    }

    @Override
    public long index(String table, String prefix) {
        long max = 0;
        for (Entry entry : scan(table, prefix)) {
            max = Math.max(max, entry.modifyIndex());
        }
        for (var tomb : tombstones.getOrDefault(table, new TreeMap<>()).entrySet()) {
            if (tomb.getKey().startsWith(prefix)) {
                max = Math.max(max, tomb.getValue());
            }
        }
        return max;
    }

    @Override
    public <T> T read(Function<StateView, T> reader) {
        return reader.apply(this);
    }
}
