package io.cairn.replicate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The calls a replicator makes to its agent: reads of the source datacenter (through {@code ?dc=}) and writes to the
 * agent's own. Every method may block; an interrupted thread gets {@link InterruptedException}.
 */
@ConsumerType
public interface ReplicaApi {

    /** The agent's datacenter, the destination. */
    String localDatacenter() throws IOException, InterruptedException;

    /**
     * The keys under {@code prefix} in {@code datacenter}; with {@code index} above 0, a blocking query that answers
     * when the listing's index passes it (or the server's wait ends).
     */
    Listing list(String prefix, String datacenter, long index) throws IOException, InterruptedException;

    /** The names of the local keys under {@code prefix}. */
    List<String> keys(String prefix) throws IOException, InterruptedException;

    /** The local value of {@code key}, empty when there is no such key. */
    Optional<byte[]> get(String key) throws IOException, InterruptedException;

    void put(String key, byte[] value, long flags) throws IOException, InterruptedException;

    void delete(String key) throws IOException, InterruptedException;

    /** Creates a session of the agent's node that releases its locks when it ends; returns its ID. */
    String createSession(String name, String ttl) throws IOException, InterruptedException;

    /** Renews the session; {@code false} when it no longer exists. */
    boolean renewSession(String session) throws IOException, InterruptedException;

    void destroySession(String session) throws IOException, InterruptedException;

    /** Tries to lock {@code key} for the session, with {@code flags}; whether it holds the lock now. */
    boolean acquire(String key, String session, long flags) throws IOException, InterruptedException;

    void release(String key, String session) throws IOException, InterruptedException;

    /**
     * The holder of the lock at {@code key}, blocking while it stays as it was at {@code index} (above 0).
     *
     * @return the session holding it (empty when free) and the index of the answer
     */
    LockState lockState(String key, long index) throws IOException, InterruptedException;

    /** Who holds a lock key. */
    record LockState(Optional<String> session, long index) {}
}
