package io.cairn.raft.internal.machine;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;
import io.cairn.raft.internal.state.StateImage;
import io.cairn.raft.internal.state.TableStore;

/**
 * The Raft core's own command that replaces the whole replicated state with a snapshot's image
 * ({@code PUT /v1/snapshot}). One command, so every server replaces its state at the same point of the log; the
 * payload is the image {@link StateImage#write} wrote. Registered by the core itself, like
 * {@link TombstoneReaping}.
 */
public final class StateRestore implements CommandHandler {

    /** The command type; the {@code cairn.} prefix is the core's own. */
    public static final String TYPE = "cairn.state.restore";

    private final TableStore store;
    private final ChangeNotifier changes;

    public StateRestore(TableStore store, ChangeNotifier changes) {
        this.store = store;
        this.changes = changes;
    }

    /** The image in {@code payload}, or {@link IllegalArgumentException} saying why it is none. */
    public static StateImage image(byte[] payload) {
        try {
            return StateImage.parse(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void validate(byte[] payload) {
        image(payload);
    }

    /** Returns the applied index the image was taken at. */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        StateImage image = image(payload);
        store.replaceAt(image, state.commandIndex());
        // the waiters' futures complete on the notifier's executor, once this command has released the state
        changes.changedAll();
        return ByteBuffer.allocate(Long.BYTES).putLong(image.appliedIndex()).array();
    }
}
