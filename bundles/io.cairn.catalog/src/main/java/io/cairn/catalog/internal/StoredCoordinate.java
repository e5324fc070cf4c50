package io.cairn.catalog.internal;

import java.util.List;

import io.cairn.coordinate.Coordinate;

/**
 * A node's network coordinate in one network segment, as the {@value CoordinateTable#TABLE} table stores it and
 * coordinate commands carry it. Encoded by {@link io.cairn.json.lang.ReplicatedJson}; field names are part of the replicated format.
 * Cairn has no network segments, so agents send the empty segment; the field keeps Consul's shape.
 */
public record StoredCoordinate(String node, String segment, List<Double> vec, double error, double adjustment,
        double height) {

    /**
     * Throws {@link IllegalArgumentException} with Consul's words (and what is accepted) for a coordinate no
     * server should store: a missing node name, a vector of another dimensionality, a component that is not a
     * finite number.
     */
    void validate() {
        if (node == null || node.isEmpty()) {
            throw new IllegalArgumentException("Missing node name");
        }
        if (!CatalogKeys.usable(node) || segment == null || !CatalogKeys.usable(segment)) {
            throw new IllegalArgumentException("Invalid node or segment name: names must be valid Unicode (no "
                    + "unpaired UTF-16 surrogate) without NUL characters");
        }
        if (vec == null || vec.size() != Coordinate.DIMENSIONS) {
            throw new IllegalArgumentException("incompatible coordinate: Vec must have " + Coordinate.DIMENSIONS
                    + " components, not " + (vec == null ? 0 : vec.size()));
        }
        if (vec.contains(null) || !coordinate().isValid()) {
            throw new IllegalArgumentException(
                    "invalid coordinate: Vec, Error, Adjustment and Height must all be finite numbers");
        }
    }

    /** The coordinate itself; only for a {@linkplain #validate() valid} record. */
    Coordinate coordinate() {
        return new Coordinate(vec, error, adjustment, height);
    }
}
