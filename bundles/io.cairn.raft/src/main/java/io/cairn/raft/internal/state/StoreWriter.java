package io.cairn.raft.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/**
 * The writer one command gets. Records the keys it touches, so blocking queries on them can be woken, and an undo
 * log, so that a failed command (or a failed nested command) leaves nothing behind.
 */
final class StoreWriter extends UnlockedView implements StateWriter {

    /** What one key of one table was before a write of this command. */
    private record Undo(String table, boolean tableCreated, String key, Entry record, Long tombstone,
            long maxIndex) {
    }

    private final long index;
    private final NestedCommands nested;
    private final Map<String, List<String>> touched = new LinkedHashMap<>();
    private final List<Undo> undoLog = new ArrayList<>();

    StoreWriter(TableStore store, long index, NestedCommands nested) {
        super(store);
        this.index = index;
        this.nested = nested;
    }

    @Override
    public long commandIndex() {
        return index;
    }

    @Override
    public Entry put(String table, String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        Table t = store.tableOrNull(table);
        boolean created = t == null;
        if (created) {
            t = store.tableForWrite(table);
        }
        remember(table, created, t, key);
        touch(table, key);
        return t.put(key, value, index);
    }

    @Override
    public boolean delete(String table, String key) {
        Table t = store.tableOrNull(table);
        if (t == null || t.get(key) == null) {
            return false;
        }
        remember(table, false, t, key);
        t.delete(key, index);
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
            remember(table, false, t, key);
            t.delete(key, index);
            touch(table, key);
        }
        return keys.size();
    }

    @Override
    public byte[] apply(String type, byte[] payload) {
        int savepoint = undoLog.size();
        try {
            return nested.apply(type, payload, this);
        } catch (RuntimeException e) {
            rollbackTo(savepoint);
            throw e;
        }
    }

    @Override
    public void rollback() {
        rollbackTo(0);
    }

    Map<String, List<String>> touched() {
        return touched;
    }

    private void rollbackTo(int savepoint) {
        for (int i = undoLog.size() - 1; i >= savepoint; i--) {
            Undo undo = undoLog.remove(i);
            Table t = store.tableOrNull(undo.table());
            t.undo(undo.key(), undo.record(), undo.tombstone(), undo.maxIndex());
            if (undo.tableCreated() && t.isEmpty()) {
                store.dropTable(undo.table());
            }
        }
        // keys touched by undone writes stay listed: waking a blocking query whose index did not move is harmless
    }

    private void remember(String table, boolean created, Table t, String key) {
        undoLog.add(new Undo(table, created, key, t.get(key), t.tombstones().get(key), t.maxIndex()));
    }

    private void touch(String table, String key) {
        touched.computeIfAbsent(table, n -> new ArrayList<>()).add(key);
    }
}
