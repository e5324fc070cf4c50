package io.cairn.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cairn.coordinate.Coordinate;
import io.cairn.raft.api.StateView;

/**
 * Layout and reads of the replicated table {@value #TABLE}: one {@link StoredCoordinate} per node and network
 * segment under {@code <node>NUL<segment>}, so a scan lists them by node, then segment, and a prefix ending in NUL
 * selects exactly one node's. Kept apart from the catalog table, as Consul keeps them, so that the steady stream
 * of coordinate updates does not wake every blocking catalog query.
 */
final class CoordinateTable {

    /** The replicated table of network coordinates; blocking coordinate queries watch all of it. */
    static final String TABLE = "coordinates";

    private static final char SEP = '\u0000';

    private CoordinateTable() {
    }

    static String key(String node, String segment) {
        return node + SEP + segment;
    }

    /** The prefix of every coordinate of {@code node}. */
    static String of(String node) {
        return node + SEP;
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
        return decode(state, of(node));
    }

    /** The coordinates of {@code node} keyed by segment; empty if it has none. */
    static Map<String, Coordinate> bySegment(StateView state, String node) {
        Map<String, Coordinate> result = new HashMap<>();
        for (StoredCoordinate stored : ofNode(state, node)) {
            result.put(stored.segment(), stored.coordinate());
        }
        return result;
    }

    private static List<StoredCoordinate> decode(StateView state, String prefix) {
        return state.scan(TABLE, prefix).stream()
                .map(entry -> CatalogCodec.decode(entry.value(), StoredCoordinate.class))
                .toList();
    }
}
