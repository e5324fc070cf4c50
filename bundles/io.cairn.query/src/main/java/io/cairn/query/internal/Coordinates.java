package io.cairn.query.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.coordinate.Coordinate;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/**
 * Round-trip estimates between nodes from the catalog's replicated {@value #TABLE} table (one record per node
 * and network segment, keyed {@code <node>NUL<segment>}, fields {@code vec}, {@code error}, {@code adjustment},
 * {@code height}). Coordinates are compared within one segment as Consul picks it: the empty one, unless a side
 * has exactly one segment.
 */
final class Coordinates {

    static final String TABLE = "coordinates";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateView state;

    Coordinates(StateView state) {
        this.state = state;
    }

    /** The estimated round trip from {@code from} to {@code to} in nanoseconds; empty without comparable data. */
    OptionalLong nanos(String from, String to) {
        Map<String, Coordinate> source = bySegment(from);
        Map<String, Coordinate> target = bySegment(to);
        String segment = "";
        if (source.size() == 1) {
            segment = source.keySet().iterator().next();
        }
        if (target.size() == 1) {
            segment = target.keySet().iterator().next();
        }
        Coordinate a = source.get(segment);
        Coordinate b = target.get(segment);
        return a == null || b == null || !a.isCompatibleWith(b) ? OptionalLong.empty()
                : OptionalLong.of(a.distanceTo(b).toNanos());
    }

    /** Whether {@code node} has any coordinate. */
    boolean has(String node) {
        return !bySegment(node).isEmpty();
    }

    private Map<String, Coordinate> bySegment(String node) {
        Map<String, Coordinate> result = new HashMap<>();
        for (Entry entry : state.scan(TABLE, node + '\u0000')) {
            try {
                JsonNode json = JSON.readTree(entry.value());
                List<Double> vec = new ArrayList<>();
                json.path("vec").forEach(v -> vec.add(v.asDouble()));
                Coordinate coordinate = new Coordinate(vec, json.path("error").asDouble(),
                        json.path("adjustment").asDouble(), json.path("height").asDouble());
                if (coordinate.isValid()) {
                    result.put(json.path("segment").asText(""), coordinate);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable coordinate orders like a missing one
            }
        }
        return result;
    }
}
