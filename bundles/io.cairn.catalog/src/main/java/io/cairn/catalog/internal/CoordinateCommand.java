package io.cairn.catalog.internal;

import java.util.List;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.Coordinates;
import io.cairn.raft.api.StateWriter;

/**
 * One batch of coordinate updates as it travels through the Raft log (Consul's {@code Coordinate.Update}
 * batches): at most {@link CoordinateUpdates#BATCH_SIZE} updates, applied in order.
 */
public record CoordinateCommand(List<StoredCoordinate> updates) {

    /** The Raft command type {@link CoordinateCommandHandler} owns. */
    public static final String COMMAND_TYPE = "coordinate";

    private static final byte[] NO_RESULT = new byte[0];

    public CoordinateCommand {
        updates = List.copyOf(updates);
    }

    /** Re-checks a decoded batch on the leader: it may come from any client of the Raft API. */
    void validate() {
        if (updates.isEmpty() || updates.size() > CoordinateUpdates.BATCH_SIZE) {
            throw new IllegalArgumentException("A coordinate batch holds 1 to " + CoordinateUpdates.BATCH_SIZE
                    + " updates, not " + updates.size());
        }
        updates.forEach(StoredCoordinate::validate);
    }

    /**
     * Stores each coordinate whose node is in the catalog and skips the others, as Consul does: a node that has
     * not registered yet sends its coordinate again within seconds, and a coordinate never outlives its node
     * (deregistering the node deletes it, see {@link CatalogStateMachine}).
     */
    byte[] apply(StateWriter state) {
        for (StoredCoordinate update : updates) {
            if (state.get(CatalogKeys.TABLE, CatalogKeys.node(update.node())).isPresent()) {
                state.put(CoordinateTable.TABLE, Coordinates.key(update.node(), update.segment()),
                        ReplicatedJson.encode(update));
            }
        }
        return NO_RESULT;
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalStateException} if it is not a coordinate batch. */
    static CoordinateCommand decode(byte[] payload) {
        return ReplicatedJson.decode(payload, CoordinateCommand.class);
    }
}
