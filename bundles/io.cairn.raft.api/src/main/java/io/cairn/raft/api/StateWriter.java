package io.cairn.raft.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link CommandHandler} may do to the replicated tables while applying one command. Indexes are set by
 * the Raft core: every write gets {@link #commandIndex()} as its modify index, a new record also as its create
 * index.
 * <p>
 * A command is atomic: if {@link CommandHandler#apply} throws, none of its writes stay (the submitter gets the
 * exception's message). A handler that wants to report a failure with a result of its own calls
 * {@link #rollback()} and returns normally.
 */
@ProviderType
public interface StateWriter extends StateView {

    /** The Raft index of the command being applied. */
    long commandIndex();

    /** Creates or replaces the record under {@code key}; an existing record keeps its create index. */
    Entry put(String table, String key, byte[] value);

    /** Removes the record under {@code key}, leaving a tombstone that {@link #index} reports; false if absent. */
    boolean delete(String table, String key);

    /** Removes every record under {@code prefix}; returns how many were removed. */
    int deletePrefix(String table, String prefix);

    /**
     * Applies a command of another type as part of this one, through the handler registered for {@code type},
     * and returns that handler's result. Its writes belong to this command: same index, rolled back with it.
     * If the nested handler throws, its own writes are rolled back before the exception reaches the caller,
     * who may catch it and go on. Like a top-level entry, a nested command whose handler is missing is never
     * skipped: the server waits for the handler (see {@link CommandHandler}).
     */
    byte[] apply(String type, byte[] payload);

    /** Discards every write this command (including nested commands) has made so far. */
    void rollback();
}
