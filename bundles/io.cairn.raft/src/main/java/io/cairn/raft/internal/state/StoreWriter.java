package io.cairn.raft.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/** The writer one command gets; records the keys it touches so blocking queries on them can be woken. */
final class StoreWriter extends UnlockedView implements StateWriter {

    private final long index;
    private final Map<String, List<String>> touched = new LinkedHashMap<>();

    StoreWriter(TableStore store, long index) {
        super(store);
        this.index = index;
    }

    @Override
    public long commandIndex() {
        return index;
    }

    @Override
    public Entry put(String table, String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        touch(table, key);
        return store.tableForWrite(table).put(key, value, index);
    }

    @Override
    public boolean delete(String table, String key) {
        Table t = store.tableOrNull(table);
        if (t == null || !t.delete(key, index)) {
            return false;
        }
        touch(table, key);
        return true;
    }

    @Override
    public int deletePrefix(String table, String prefix) {
        Table t = store.tableOrNull(table);
        if (t == null) {
            return 0;
        }
        List<String> keys = t.keys(prefix);
        for (String key : keys) {
            t.delete(key, index);
            touch(table, key);
        }
        return keys.size();
    }

    Map<String, List<String>> touched() {
        return touched;
    }

    private void touch(String table, String key) {
        touched.computeIfAbsent(table, n -> new ArrayList<>()).add(key);
    }
}
