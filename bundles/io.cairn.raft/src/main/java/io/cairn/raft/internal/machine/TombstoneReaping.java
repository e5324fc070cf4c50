package io.cairn.raft.internal.machine;

import java.nio.ByteBuffer;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;
import io.cairn.raft.internal.state.TableStore;

/**
 * The Raft core's own command: drop the tombstones of deletions at or below an index. A replicated command, so
 * that every server forgets the same tombstones at the same point of the log and prefix indexes stay alike.
 * Registered by the core itself, so it never waits for a bundle.
 */
public final class TombstoneReaping implements CommandHandler {

    /** The command type; the {@code cairn.} prefix is the core's own. */
    public static final String TYPE = "cairn.tombstones.reap";

    private final TableStore store;

    public TombstoneReaping(TableStore store) {
        this.store = store;
    }

    /** The payload reaping tombstones up to {@code index}. */
    public static byte[] upTo(long index) {
        return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
    }

    @Override
    public void validate(byte[] payload) {
        if (payload.length != Long.BYTES) {
            throw new IllegalArgumentException("A tombstone reap command carries one 8-byte index");
        }
    }

    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        long index = ByteBuffer.wrap(payload).getLong();
        // never past this command itself: a tombstone it has not seen yet cannot be old enough
        int reaped = store.reapTombstones(Math.min(index, state.commandIndex()));
        return ByteBuffer.allocate(Integer.BYTES).putInt(reaped).array();
    }
}
