package io.cairn.raft.internal.machine;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

/**
 * The Raft core's command behind {@code ?consistent} reads: an entry that changes nothing. Once it is committed
 * and applied, the state holds every write acknowledged before it was submitted, and only a leader that still
 * leads a majority can commit it, so a read served after it is linearizable. This relies on nothing but the log:
 * no clock, and no heartbeat a deposed leader might count as confirmation (Ratis's own ReadIndex answers without a
 * new round when its commit index has not moved since the last confirmed one, which let a leader that had been
 * paused serve a stale read). Registered by the core itself, so it never waits for a bundle.
 */
public final class ReadBarrier implements CommandHandler {

    /** The command type; the {@code cairn.} prefix is the core's own. */
    public static final String TYPE = "cairn.read.barrier";
    /** The command's payload: none. */
    public static final byte[] PAYLOAD = new byte[0];

    @Override
    public void validate(byte[] payload) {
        if (payload.length != 0) {
            throw new IllegalArgumentException("A read barrier carries no payload");
        }
    }

    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return PAYLOAD;
    }
}
