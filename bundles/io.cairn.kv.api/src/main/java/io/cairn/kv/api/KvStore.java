package io.cairn.kv.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The replicated key/value store. Writes go through the Raft log; the returned stages complete once the write is
 * applied on this server. Reads wait for the consistency barrier first. Failures surface as the Raft API's
 * exceptions ({@code NoLeaderException}, ...) or {@link IllegalArgumentException} for bad input (empty key,
 * value too large).
 */
@ProviderType
public interface KvStore {

    /** Largest value Consul accepts by default (512 KiB). */
    int MAX_VALUE_SIZE = 512 * 1024;

    /** The entry under {@code key}, if any. */
    CompletionStage<Optional<KvEntry>> get(String key, Consistency consistency);

    /** All entries whose key starts with {@code prefix}, in key order. */
    CompletionStage<List<KvEntry>> list(String prefix, Consistency consistency);

    /**
     * The keys under {@code prefix}, in order; with a non-empty {@code separator}, keys are cut just after the
     * first separator following the prefix and de-duplicated (Consul's {@code ?keys&separator=}).
     */
    CompletionStage<List<String>> keys(String prefix, String separator, Consistency consistency);

    /** Sets {@code key}; completes with true. */
    CompletionStage<Boolean> put(String key, byte[] value, long flags);

    /**
     * Sets {@code key} only if its modify index is {@code modifyIndex} (0: only if it does not exist); completes
     * with whether it did.
     */
    CompletionStage<Boolean> checkAndSet(String key, byte[] value, long flags, long modifyIndex);

    /**
     * Takes the lock on {@code key} for {@code session} and writes value and flags (Consul's {@code ?acquire}):
     * succeeds if the key is unlocked (its lock index then goes up by one) or already held by that session (the
     * lock index stays); completes with false if another session holds it or the key is within the lock delay
     * of a session that held it. Fails with {@link IllegalStateException} {@code invalid session "<id>"} if no
     * such session exists.
     */
    CompletionStage<Boolean> acquire(String key, byte[] value, long flags, String session);

    /**
     * Releases the lock {@code session} holds on {@code key} and writes value and flags (Consul's
     * {@code ?release}); the lock index stays. Completes with false if that session does not hold the key.
     */
    CompletionStage<Boolean> release(String key, byte[] value, long flags, String session);

    /** Deletes {@code key} (true even if it did not exist). */
    CompletionStage<Boolean> delete(String key);

    /** Deletes {@code key} only if its modify index is {@code modifyIndex}; completes with whether it did. */
    CompletionStage<Boolean> deleteIfIndex(String key, long modifyIndex);

    /** Deletes every key starting with {@code prefix} ({@code ""} deletes all); completes with true. */
    CompletionStage<Boolean> deleteTree(String prefix);
}
