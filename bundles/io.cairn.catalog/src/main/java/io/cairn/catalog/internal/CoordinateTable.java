package io.cairn.catalog.internal;

import java.util.List;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.Coordinates;
import io.cairn.raft.api.StateView;

/**
 * Reads of the replicated table {@value #TABLE} whose layout {@link Coordinates} describes: one
 * {@link StoredCoordinate} per node and network segment. Kept apart from the catalog table, as Consul keeps them,
 * so that the steady stream of coordinate updates does not wake every blocking catalog query.
 */
final class CoordinateTable {

    /** The replicated table of network coordinates, {@link Coordinates#TABLE}. */
    static final String TABLE = Coordinates.TABLE;

    private CoordinateTable() {
    }

    /** The index of every coordinate answer: the whole table's, deletions included; never 0. */
    static long index(StateView state) {
        return Math.max(1, state.index(TABLE, ""));
    }

    /** Every coordinate, by node, then segment. */
    static List<StoredCoordinate> all(StateView state) {
        return decode(state, "");
    }

    /** The coordinates of {@code node}, by segment. */
    static List<StoredCoordinate> ofNode(StateView state, String node) {
        return decode(state, Coordinates.prefix(node));
    }

    private static List<StoredCoordinate> decode(StateView state, String prefix) {
        return state.scan(TABLE, prefix).stream()
                .map(entry -> ReplicatedJson.decode(entry.value(), StoredCoordinate.class))
                .toList();
    }
}
