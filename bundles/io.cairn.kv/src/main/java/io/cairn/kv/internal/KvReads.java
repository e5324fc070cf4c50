package io.cairn.kv.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cairn.kv.api.KvEntry;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/** Reads of the {@code kv} table as Consul answers them: entries, key listings and the index to report. */
public final class KvReads {

    private KvReads() {
    }

    public static Optional<KvEntry> get(StateView state, String key) {
        return state.get(KvStateMachine.TABLE, key).map(KvRecord::toEntry);
    }

    public static List<KvEntry> list(StateView state, String prefix) {
        return state.scan(KvStateMachine.TABLE, prefix).stream().map(KvRecord::toEntry).toList();
    }

    /**
     * The keys under {@code prefix} in table order; with a non-empty {@code separator}, each key is cut just
     * after the first separator following the prefix and duplicates are dropped.
     */
    public static List<String> keys(StateView state, String prefix, String separator) {
        return cut(state.scan(KvStateMachine.TABLE, prefix).stream().map(Entry::key).toList(), prefix, separator);
    }

    /**
     * {@code keys}, all under {@code prefix}, as {@link #keys(StateView, String, String)} answers them: in order,
     * each cut just after the first separator following the prefix when {@code separator} is not empty, duplicates
     * dropped. A listing that leaves out the keys a token may not read cuts what is left, as Consul does.
     */
    public static List<String> cut(List<String> keys, String prefix, String separator) {
        Set<String> cut = new LinkedHashSet<>();
        for (String key : keys) {
            cut.add(cut(key, prefix.length(), separator));
        }
        return new ArrayList<>(cut);
    }

    static String cut(String key, int prefixLength, String separator) {
        if (separator.isEmpty()) {
            return key;
        }
        int at = key.indexOf(separator, prefixLength);
        return at < 0 ? key : key.substring(0, at + separator.length());
    }

    /**
     * The index a read reports, and whether it is the whole table's: then a write to any key moves it, so a
     * blocking read must wait on the whole table, not only on what it reads.
     */
    public record ReadIndex(long value, boolean wholeTable) {
    }

    /** A single key's index: its modify index if it exists, else the whole table's (deletions included). */
    public static ReadIndex keyIndex(StateView state, String key) {
        return state.get(KvStateMachine.TABLE, key)
                .map(e -> new ReadIndex(e.modifyIndex(), false))
                .orElseGet(() -> new ReadIndex(state.index(KvStateMachine.TABLE, ""), true));
    }

    /** A listing's index: the newest write or deletion under the prefix, else the whole table's. */
    public static ReadIndex prefixIndex(StateView state, String prefix) {
        long index = state.index(KvStateMachine.TABLE, prefix);
        return index != 0 ? new ReadIndex(index, prefix.isEmpty())
                : new ReadIndex(state.index(KvStateMachine.TABLE, ""), true);
    }
}
