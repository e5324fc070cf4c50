package io.cairn.catalog.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.coordinate.Coordinate;
import io.cairn.raft.api.StateView;

/**
 * Consul's {@code ?near=<node>} order: results by the estimated round trip from the source node to their node,
 * nearest first. Results whose node has no coordinate go last, in their usual order (the sort is stable); when the
 * source node has no coordinate (unknown, or not reported yet) the usual order stands.
 * <p>
 * Coordinates are compared within one network segment, as Consul picks it: the empty segment, unless one side
 * has exactly one segment (a client agent's), then that one.
 * <p>
 * For every answer Consul orders this way from a server's state: the catalog's and health endpoints' lists, a
 * prepared query's instances. The coordinates are those of the catalog's {@linkplain Coordinates table}.
 */
public final class Proximity {

    /** No {@code ?near}: results keep their usual order. */
    public static final Proximity NONE = new Proximity(null, Map.of());

    private final StateView state;
    private final Map<String, Coordinate> source;

    private Proximity(StateView state, Map<String, Coordinate> source) {
        this.state = state;
        this.source = source;
    }

    /** The order from {@code sourceNode}'s coordinates in {@code state}; {@link #NONE} without a source. */
    public static Proximity from(StateView state, Optional<String> sourceNode) {
        if (sourceNode.isEmpty()) {
            return NONE;
        }
        Map<String, Coordinate> source = Coordinates.bySegment(state, sourceNode.get());
        return source.isEmpty() ? NONE : new Proximity(state, source);
    }

    /** {@code results} nearest first, each placed by the node {@code nodeOf} gives. */
    public <T> List<T> sort(List<T> results, Function<T, String> nodeOf) {
        if (source.isEmpty()) {
            return results;
        }
        Map<String, Long> nanosByNode = new HashMap<>();
        List<T> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(r -> nanosByNode.computeIfAbsent(nodeOf.apply(r), this::nanosTo)));
        return sorted;
    }

    /** The estimate to {@code node} in nanoseconds; {@link Long#MAX_VALUE} (last) without a comparable coordinate. */
    private long nanosTo(String node) {
        Map<String, Coordinate> other = Coordinates.bySegment(state, node);
        String segment = "";
        if (source.size() == 1) {
            segment = source.keySet().iterator().next();
        }
        if (other.size() == 1) {
            segment = other.keySet().iterator().next();
        }
        Coordinate from = source.get(segment);
        Coordinate to = other.get(segment);
        return from == null || to == null ? Long.MAX_VALUE : from.distanceTo(to).toNanos();
    }
}
