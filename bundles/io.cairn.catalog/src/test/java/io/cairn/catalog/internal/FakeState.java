package io.cairn.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/** The Raft core's tables in memory: indexes as the core sets them, tombstones counted by {@link #index}. */
final class FakeState implements StateWriter {

    private final Map<String, TreeMap<String, Entry>> tables = new HashMap<>();
    private final Map<String, TreeMap<String, Long>> tombstones = new HashMap<>();
    private long commandIndex;
    private long applied;

    /** Starts applying the next command, as the core does once per log entry. */
    FakeState next() {
        commandIndex++;
        applied = commandIndex;
        return this;
    }

    @Override
    public long commandIndex() {
        return commandIndex;
    }

    @Override
    public long appliedIndex() {
        return applied;
    }

    @Override
    public Entry put(String table, String key, byte[] value) {
        TreeMap<String, Entry> t = tables.computeIfAbsent(table, n -> new TreeMap<>());
        long create = t.containsKey(key) ? t.get(key).createIndex() : commandIndex;
        Entry entry = new Entry(key, value.clone(), create, commandIndex);
        t.put(key, entry);
        tombstones.computeIfAbsent(table, n -> new TreeMap<>()).remove(key);
        return entry;
    }

    @Override
    public boolean delete(String table, String key) {
        TreeMap<String, Entry> t = tables.get(table);
        if (t == null || t.remove(key) == null) {
            return false;
        }
        tombstones.computeIfAbsent(table, n -> new TreeMap<>()).put(key, commandIndex);
        return true;
    }

    @Override
    public int deletePrefix(String table, String prefix) {
        int removed = 0;
        for (Entry e : scan(table, prefix)) {
            removed += delete(table, e.key()) ? 1 : 0;
        }
        return removed;
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        return Optional.ofNullable(tables.getOrDefault(table, new TreeMap<>()).get(key));
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : tables.getOrDefault(table, new TreeMap<>()).tailMap(prefix).values()) {
            if (!e.key().startsWith(prefix)) {
                break;
            }
            result.add(e);
        }
        return result;
    }

    @Override
    public long index(String table, String prefix) {
        long max = scan(table, prefix).stream().mapToLong(Entry::modifyIndex).max().orElse(0);
        for (Map.Entry<String, Long> t : tombstones.getOrDefault(table, new TreeMap<>()).entrySet()) {
            if (t.getKey().startsWith(prefix)) {
                max = Math.max(max, t.getValue());
            }
        }
        return max;
    }

    @Override
    public <T> T read(Function<io.cairn.raft.api.StateView, T> reader) {
        return reader.apply(this);
    }
}
