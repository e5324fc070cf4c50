package io.cairn.txn.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * A transaction of reads only runs against this server's state without going through the log, as Consul
 * serves them: the handlers apply the read operations against this view, and any attempt to write is a bug.
 */
public final class ReadOnlyState implements StateWriter {

    private final StateView view;
    private final Map<String, CommandHandler> handlers;

    public ReadOnlyState(StateView view, Map<String, CommandHandler> handlers) {
        this.view = view;
        this.handlers = handlers;
    }

    @Override
    public long commandIndex() {
        return view.appliedIndex();
    }

    @Override
    public Entry put(String table, String key, byte[] value) {
        throw new IllegalStateException("a read-only transaction tried to write " + table + "/" + key);
    }

    @Override
    public boolean delete(String table, String key) {
        throw new IllegalStateException("a read-only transaction tried to delete " + table + "/" + key);
    }

    @Override
    public int deletePrefix(String table, String prefix) {
        throw new IllegalStateException("a read-only transaction tried to delete " + table + "/" + prefix);
    }

    @Override
    public byte[] apply(String type, byte[] payload) {
        CommandHandler handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalStateException("no handler for operations of type \"" + type + "\"");
        }
        return handler.apply(payload, this);
    }

    /** Nothing was written, so there is nothing to discard. */
    @Override
    public void rollback() {
    }

    @Override
    public long appliedIndex() {
        return view.appliedIndex();
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        return view.get(table, key);
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        return view.scan(table, prefix);
    }

    @Override
    public long index(String table, String prefix) {
        return view.index(table, prefix);
    }

    @Override
    public <T> T read(Function<StateView, T> reader) {
        return reader.apply(this);
    }
}
