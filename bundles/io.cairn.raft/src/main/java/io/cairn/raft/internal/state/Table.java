package io.cairn.raft.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.cairn.raft.api.Entry;

/**
 * One replicated table: live records and tombstones, both ordered by key. Not thread-safe; {@link TableStore}
 * guards it.
 * <p>
 * Tombstones let {@link #index(String)} report deletions under a prefix; old ones are reaped
 * ({@link #reapTombstones}) once no client can still be waiting on them, as Consul's tombstone GC does. After a
 * restore ({@link TableStore#replaceAt}) a live record may have a tombstone too: it marks the key as changed by the
 * restore, which {@link #index(String)} reports, while the record keeps its own indexes.
 */
final class Table {

    private final NavigableMap<String, Entry> records = new TreeMap<>();
    private final NavigableMap<String, Long> tombstones = new TreeMap<>();
    /** Highest index of any change in the table, so that the whole-table index needs no scan. */
    private long maxIndex;

    Entry get(String key) {
        return records.get(key);
    }

    List<Entry> scan(String prefix) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Entry> e : records.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    long index(String prefix) {
        if (prefix.isEmpty()) {
            return maxIndex;
        }
        long max = 0;
        for (Map.Entry<String, Entry> e : records.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            max = Math.max(max, e.getValue().modifyIndex());
        }
        for (Map.Entry<String, Long> e : tombstones.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            max = Math.max(max, e.getValue());
        }
        return max;
    }

    Entry put(String key, byte[] value, long index) {
        Entry old = records.get(key);
        Entry entry = new Entry(key, value.clone(), old == null ? index : old.createIndex(), index);
        records.put(key, entry);
        tombstones.remove(key);
        maxIndex = Math.max(maxIndex, index);
        return entry;
    }

    boolean delete(String key, long index) {
        if (records.remove(key) == null) {
            return false;
        }
        tombstones.put(key, index);
        maxIndex = Math.max(maxIndex, index);
        return true;
    }

    List<String> keys(String prefix) {
        List<String> out = new ArrayList<>();
        for (String key : records.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            out.add(key);
        }
        return out;
    }

    NavigableMap<String, Entry> records() {
        return records;
    }

    NavigableMap<String, Long> tombstones() {
        return tombstones;
    }

    long maxIndex() {
        return maxIndex;
    }

    boolean isEmpty() {
        return records.isEmpty() && tombstones.isEmpty();
    }

    /** Puts back what {@code key} was before a rolled-back write: a record, a tombstone, or nothing. */
    void undo(String key, Entry record, Long tombstone, long previousMaxIndex) {
        if (record == null) {
            records.remove(key);
        } else {
            records.put(key, record);
        }
        if (tombstone == null) {
            tombstones.remove(key);
        } else {
            tombstones.put(key, tombstone);
        }
        maxIndex = previousMaxIndex;
    }

    /** Drops the tombstones of deletions at or below {@code index}; returns how many. */
    int reapTombstones(long index) {
        int before = tombstones.size();
        tombstones.values().removeIf(deletedAt -> deletedAt <= index);
        return before - tombstones.size();
    }

    /** Restores a tombstone or record read from a snapshot. */
    void restoreTombstone(String key, long index) {
        tombstones.put(key, index);
        maxIndex = Math.max(maxIndex, index);
    }

    void restoreRecord(Entry entry) {
        records.put(entry.key(), entry);
        maxIndex = Math.max(maxIndex, entry.modifyIndex());
    }
}
