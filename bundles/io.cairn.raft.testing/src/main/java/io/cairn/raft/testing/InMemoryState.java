package io.cairn.raft.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * The Raft core's replicated tables in memory, with the semantics {@link StateWriter} documents: indexes set per
 * command, tombstones that {@link #index} reports, nested commands through registered handlers, and rollback.
 * Start each command with {@link #at(long)} or {@link #next()}; run a whole command, as the core does, with
 * {@link #applyCommand}. Not thread-safe.
 */
public final class InMemoryState implements StateWriter {

    /** The tables' content at one point, to roll back to. */
    private record Savepoint(Map<String, TreeMap<String, Entry>> tables, Map<String, TreeMap<String, Long>> tombstones) {
    }

    private Map<String, TreeMap<String, Entry>> tables = new HashMap<>();
    private Map<String, TreeMap<String, Long>> tombstones = new HashMap<>();
    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private final Deque<Savepoint> savepoints = new ArrayDeque<>();
    private long commandIndex;
    private long appliedIndex;

    /** Starts applying the command at {@code index}. */
    public InMemoryState at(long index) {
        commandIndex = index;
        appliedIndex = index;
        savepoints.clear();
        savepoints.push(savepoint());
        return this;
    }

    /** Starts applying the command after the current one. */
    public InMemoryState next() {
        return at(commandIndex + 1);
    }

    /** Registers the handler that nested commands of {@code type} go through. */
    public InMemoryState handle(String type, CommandHandler handler) {
        handlers.put(type, handler);
        return this;
    }

    /**
     * Applies one command at the next index as the Raft core does: all or nothing, a throwing handler's writes
     * are rolled back before the exception reaches the caller.
     */
    public byte[] applyCommand(CommandHandler handler, byte[] payload) {
        next();
        try {
            return handler.apply(payload, this);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
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
    public byte[] apply(String type, byte[] payload) {
        CommandHandler handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalStateException("No handler registered for nested command type '" + type + "'");
        }
        savepoints.push(savepoint());
        try {
            return handler.apply(payload, this);
        } catch (RuntimeException e) {
            restore(savepoints.peek());
            throw e;
        } finally {
            savepoints.pop();
        }
    }

    @Override
    public void rollback() {
        restore(savepoints.peekLast());
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

    private Savepoint savepoint() {
        return new Savepoint(deepCopy(tables), deepCopy(tombstones));
    }

    private void restore(Savepoint savepoint) {
        if (savepoint != null) {
            tables = deepCopy(savepoint.tables());
            tombstones = deepCopy(savepoint.tombstones());
        }
    }

    private static <V> Map<String, TreeMap<String, V>> deepCopy(Map<String, TreeMap<String, V>> source) {
        Map<String, TreeMap<String, V>> copy = new HashMap<>();
        source.forEach((table, rows) -> copy.put(table, new TreeMap<>(rows)));
        return copy;
    }
}
