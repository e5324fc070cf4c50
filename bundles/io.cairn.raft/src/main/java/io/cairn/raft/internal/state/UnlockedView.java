package io.cairn.raft.internal.state;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/** Reads the store's tables directly; only used while the caller holds the store's read or write lock. */
class UnlockedView implements StateView {

    final TableStore store;

    UnlockedView(TableStore store) {
        this.store = store;
    }

    @Override
    public long appliedIndex() {
        return store.appliedIndexUnlocked();
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        Table t = store.tableOrNull(table);
        return t == null ? Optional.empty() : Optional.ofNullable(t.get(key));
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        Table t = store.tableOrNull(table);
        return t == null ? List.of() : t.scan(prefix);
    }

    @Override
    public long index(String table, String prefix) {
        Table t = store.tableOrNull(table);
        return t == null ? 0 : t.index(prefix);
    }

    @Override
    public <T> T read(Function<StateView, T> reader) {
        return reader.apply(this);
    }
}
