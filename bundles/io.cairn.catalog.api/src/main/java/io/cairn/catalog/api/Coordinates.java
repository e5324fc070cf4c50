package io.cairn.catalog.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.coordinate.Coordinate;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/**
 * The catalog's replicated table of network coordinates, {@value #TABLE}, as every reader of a server's state finds
 * it: one record per node and network segment under {@code <node>NUL<segment>}, so a scan lists them by node, then
 * segment, and a prefix ending in NUL selects exactly one node's. A record is a JSON object with the fields
 * {@code node}, {@code segment}, {@code vec}, {@code error}, {@code adjustment} and {@code height}; only the catalog
 * writes them, each one validated.
 */
public final class Coordinates {

    /** The replicated table of network coordinates; blocking coordinate queries watch all of it. */
    public static final String TABLE = "coordinates";

    private static final char SEP = '\u0000';
    private static final ObjectMapper JSON = new ObjectMapper();

    private Coordinates() {
    }

    /** The key of {@code node}'s coordinate in {@code segment}. */
    public static String key(String node, String segment) {
        return node + SEP + segment;
    }

    /** The prefix of every coordinate of {@code node}. */
    public static String prefix(String node) {
        return node + SEP;
    }

    /** The coordinates of {@code node} in {@code state} keyed by segment; empty if it has none. */
    public static Map<String, Coordinate> bySegment(StateView state, String node) {
        Map<String, Coordinate> result = new HashMap<>();
        for (Entry entry : state.scan(TABLE, prefix(node))) {
            JsonNode json = read(entry, node);
            List<Double> vec = new ArrayList<>();
            json.path("vec").forEach(v -> vec.add(v.asDouble()));
            result.put(json.path("segment").asText(""), new Coordinate(vec, json.path("error").asDouble(),
                    json.path("adjustment").asDouble(), json.path("height").asDouble()));
        }
        return result;
    }

    private static JsonNode read(Entry entry, String node) {
        try {
            return JSON.readTree(entry.value());
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt coordinate of node " + node + ": " + e.getMessage(), e);
        }
    }
}
