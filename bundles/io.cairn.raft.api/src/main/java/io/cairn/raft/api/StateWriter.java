package io.cairn.raft.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link CommandHandler} may do to the replicated tables while applying one command. Indexes are set by
 * the Raft core: every write gets {@link #commandIndex()} as its modify index, a new record also as its create
 * index.
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
}
