package io.cairn.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.catalog.api.Coordinates;

/**
 * The coordinate updates agents sent to this server since the last {@link #flush}, written to the Raft log in
 * batches as Consul's servers write them: every agent reports its coordinate every few seconds, and one log entry
 * per report would flood the log. Only a node's latest update (per segment) is kept. The buffer holds at most
 * {@code batchSize * maxBatches} nodes; updates for further nodes are discarded until the next flush (Consul
 * discards the same excess when it flushes), and each flush says how many were.
 * <p>
 * Thread-safe: any thread may {@link #offer}; one thread at a time should {@link #flush}.
 */
final class CoordinateUpdates {

    /** Consul's {@code coordinate_update_period}: how often buffered updates are written. */
    static final Duration PERIOD = Duration.ofSeconds(5);
    /** Consul's {@code coordinate_update_batch_size}: updates per log entry. */
    static final int BATCH_SIZE = 128;
    /** Consul's {@code coordinate_update_max_batches}: log entries per period. */
    static final int MAX_BATCHES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CoordinateUpdates.class);

    private final int batchSize;
    private final int capacity;
    private final Function<List<StoredCoordinate>, CompletionStage<?>> writer;
    private Map<String, StoredCoordinate> pending = new LinkedHashMap<>();
    private int discarded;

    /**
     * @param batchSize  the most updates per batch, at least 1
     * @param maxBatches the most batches per flush, at least 1
     * @param writer     writes one batch (through the Raft log); its stage completes once the batch is applied
     */
    CoordinateUpdates(int batchSize, int maxBatches, Function<List<StoredCoordinate>, CompletionStage<?>> writer) {
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("Batch size and batch count must be at least 1, were " + batchSize
                    + " and " + maxBatches);
        }
        this.batchSize = batchSize;
        this.capacity = batchSize * maxBatches;
        this.writer = writer;
    }

    /**
     * Buffers a {@linkplain StoredCoordinate#validate() valid} update, replacing a buffered one for the same node
     * and segment. Returns false, discarding it, when the buffer is full of other nodes' updates.
     */
    synchronized boolean offer(StoredCoordinate update) {
        String key = Coordinates.key(update.node(), update.segment());
        if (pending.size() >= capacity && !pending.containsKey(key)) {
            discarded++;
            return false;
        }
        pending.put(key, update);
        return true;
    }

    /** How many updates are buffered. */
    synchronized int pending() {
        return pending.size();
    }

    /**
     * Writes the buffered updates in batches, one after the other, and empties the buffer. If a batch fails (no
     * leader, say), the exception is thrown and the rest of this round is dropped, as Consul drops it: every agent
     * sends a fresh coordinate within seconds.
     */
    void flush() {
        List<StoredCoordinate> updates;
        int dropped;
        synchronized (this) {
            updates = new ArrayList<>(pending.values());
            dropped = discarded;
            pending = new LinkedHashMap<>();
            discarded = 0;
        }
        if (dropped > 0) {
            LOG.warn("Discarded {} coordinate updates: more than {} nodes reported in one period", dropped, capacity);
        }
        for (int start = 0; start < updates.size(); start += batchSize) {
            List<StoredCoordinate> batch = List.copyOf(updates.subList(start, Math.min(updates.size(),
                    start + batchSize)));
            writer.apply(batch).toCompletableFuture().join();
        }
    }
}
