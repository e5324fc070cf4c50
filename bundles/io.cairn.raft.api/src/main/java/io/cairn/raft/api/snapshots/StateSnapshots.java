package io.cairn.raft.api.snapshots;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Backup and restore of the whole replicated state, for {@code /v1/snapshot}. Registered by the Raft core next to
 * {@link io.cairn.raft.api.RaftService} on server agents.
 * <p>
 * The image is the Raft core's own encoding of every replicated table (records with their create and modify
 * indexes, tombstones) and the applied index; callers treat it as opaque bytes.
 */
@ProviderType
public interface StateSnapshots {

    /** The largest image {@link #restore} takes: it travels as one Raft log entry. */
    int MAX_RESTORE_BYTES = 16 * 1024 * 1024;

    /**
     * Where an exported image stands in the log.
     *
     * @param index the index of the last command applied to the exported state
     * @param term  the Raft term this server was in when it exported
     */
    record Position(long index, long term) {
    }

    /**
     * Writes an image of this server's state, consistent as of one applied index (take a
     * {@link io.cairn.raft.api.RaftService#barrier} first for the freshness wanted). Does not close {@code out}.
     */
    Position export(OutputStream out) throws IOException;

    /**
     * Replaces the whole replicated state, on every server, with an image {@link #export} wrote, through one Raft
     * command. Restored records keep their indexes (an index above the restoring command's is lowered to it, so
     * later writes still move indexes forward), and every key present before or after counts as changed at the
     * command's index, so blocking queries wake. Completes with that index.
     *
     * @throws IllegalArgumentException (at once) if the image is not a valid one or is larger than
     *                                  {@link #MAX_RESTORE_BYTES}; nothing changes then
     */
    CompletionStage<Long> restore(byte[] image);
}
