package io.cairn.raft.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the replicated tables of this server.
 * <p>
 * A table is created by its first write. Each method is atomic on its own; use {@link #read} to see several
 * values from one consistent state (no command applied in between).
 */
@ProviderType
public interface StateView {

    /** The Raft index of the last command applied to this state; 0 before the first. */
    long appliedIndex();

    /** The live record under {@code key}, if any. */
    Optional<Entry> get(String table, String key);

    /** Live records whose key starts with {@code prefix} ({@code ""} for all), in key order. */
    List<Entry> scan(String table, String prefix);

    /**
     * The highest Raft index that created, modified or deleted a record under {@code prefix} ({@code ""} for
     * the whole table). Deletions count, so a watcher on a prefix sees removals. 0 if nothing under the prefix
     * was ever written.
     */
    long index(String table, String prefix);

    /** Runs {@code reader} against one consistent state and returns its result. */
    <T> T read(Function<StateView, T> reader);
}
