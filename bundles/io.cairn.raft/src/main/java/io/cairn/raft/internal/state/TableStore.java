package io.cairn.raft.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * The replicated tables of one server. Commands mutate it through {@link #apply} (one command at a time, under
 * the write lock); readers see it through the {@link StateView} methods, each under the read lock.
 */
public final class TableStore implements StateView {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new HashMap<>();
    private long appliedIndex;
    /** Reads without locking; callers hold a lock. */
    private final UnlockedView unlocked = new UnlockedView(this);

    /**
     * What one applied command did.
     *
     * @param result  the command's result, {@code null} if it failed
     * @param failure what the command threw, or {@code null}
     * @param touched the keys it wrote or deleted, per table
     */
    public record Applied<R>(R result, RuntimeException failure, Map<String, List<String>> touched) {
    }

    /**
     * Runs {@code command} as the command at {@code index}, atomically for readers and all or nothing: if it
     * throws, its writes are rolled back (every server runs the same deterministic command, so all end up
     * alike). {@code nested} applies the commands it runs through {@link StateWriter#apply(String, byte[])}.
     *
     * @throws ApplyAbortedException if the server stopped mid-command; nothing is applied, not even the index
     */
    public <R> Applied<R> apply(long index, NestedCommands nested, Function<StateWriter, R> command) {
        lock.writeLock().lock();
        try {
            StoreWriter writer = new StoreWriter(this, index, nested);
            R result = null;
            RuntimeException failure = null;
            try {
                result = command.apply(writer);
            } catch (ApplyAbortedException e) {
                writer.rollback();
                throw e;
            } catch (RuntimeException e) {
                writer.rollback();
                failure = e;
            }
            appliedIndex = Math.max(appliedIndex, index);
            return new Applied<>(result, failure, writer.touched());
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long appliedIndex() {
        return locked(unlocked::appliedIndex);
    }

    @Override
    public Optional<Entry> get(String table, String key) {
        return locked(() -> unlocked.get(table, key));
    }

    @Override
    public List<Entry> scan(String table, String prefix) {
        return locked(() -> unlocked.scan(table, prefix));
    }

    @Override
    public long index(String table, String prefix) {
        return locked(() -> unlocked.index(table, prefix));
    }

    @Override
    public <T> T read(Function<StateView, T> reader) {
        return locked(() -> reader.apply(unlocked));
    }

    /**
     * A frozen copy of all tables and the applied index, for a snapshot. Cheap (references only); taken between
     * commands, it is exactly the state at {@link #appliedIndex()}.
     */
    public StateImage capture() {
        lock.readLock().lock();
        try {
            List<StateImage.TableImage> images = new ArrayList<>(tables.size());
            tables.forEach((name, table) -> images.add(StateImage.TableImage.of(name, table)));
            return new StateImage(appliedIndex, images);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces the whole state with a snapshot's. */
    public void restore(StateImage image) {
        Map<String, Table> loaded = new HashMap<>();
        image.tables().forEach(t -> loaded.put(t.name(), t.toTable()));
        lock.writeLock().lock();
        try {
            tables.clear();
            tables.putAll(loaded);
            appliedIndex = image.appliedIndex();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Empties every table, back to the state before the log's first command. */
    public void clear() {
        restore(new StateImage(0, List.of()));
    }

    /**
     * Replaces the whole state with {@code image}, as the command at {@code index} (which must hold the write
     * lock: it runs inside {@link #apply}). Indexes above {@code index} are lowered to it, and every key live
     * before or after gets a tombstone at {@code index}: prefix indexes then report the replacement, while the
     * records keep their own indexes. The applied index stays the command's.
     */
    public void replaceAt(StateImage image, long index) {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("The state is replaced only by a command being applied");
        }
        Map<String, Table> loaded = new HashMap<>();
        image.tables().forEach(t -> loaded.put(t.name(), t.toTable(index)));
        tables.forEach((name, old) -> {
            Table replacement = loaded.computeIfAbsent(name, n -> new Table());
            old.records().keySet().forEach(key -> replacement.restoreTombstone(key, index));
        });
        loaded.values().forEach(table -> List.copyOf(table.records().keySet())
                .forEach(key -> table.restoreTombstone(key, index)));
        tables.clear();
        tables.putAll(loaded);
    }

    /** How many tombstones all tables keep, for the metrics. */
    public int tombstoneCount() {
        return locked(() -> tables.values().stream().mapToInt(t -> t.tombstones().size()).sum());
    }

    /** All table names, for notifying every waiter after a snapshot replaced the state. */
    public List<String> tableNames() {
        lock.readLock().lock();
        try {
            return List.copyOf(tables.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    Table tableOrNull(String name) {
        return tables.get(name);
    }

    /**
     * Drops every tombstone of a deletion at or below {@code index}, in all tables. Only for the core's own
     * tombstone command, while it is applied (so under the write lock, and on every server alike).
     */
    public int reapTombstones(long index) {
        lock.writeLock().lock();
        try {
            int reaped = 0;
            for (Table table : tables.values()) {
                reaped += table.reapTombstones(index);
            }
            return reaped;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void dropTable(String name) {
        tables.remove(name);
    }

    Table tableForWrite(String name) {
        return tables.computeIfAbsent(name, n -> new Table());
    }

    long appliedIndexUnlocked() {
        return appliedIndex;
    }
    /** Reads under the read lock, unless this thread is applying a command and so holds the write lock. */
    private <T> T locked(Supplier<T> reader) {
        if (lock.isWriteLockedByCurrentThread()) {
            return reader.get();
        }
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
