package io.cairn.coordinate;

import java.util.List;

/**
 * A point in Vivaldi's model of the network, with Consul's JSON field names ({@code Vec}, {@code Error},
 * {@code Adjustment}, {@code Height}); distances are in seconds.
 *
 * @param vec        the Euclidean part, {@link #DIMENSIONS} components
 * @param error      the confidence in the coordinate (1.5 for a new one, smaller is better)
 * @param adjustment the offset learned from the observed errors, added to every estimate
 * @param height     the access-link part (the distance from the node to the network core)
 */
public record Coordinate(List<Double> vec, double error, double adjustment, double height) {

    /** Serf's dimensionality. */
    public static final int DIMENSIONS = 8;

    public Coordinate {
        vec = List.copyOf(vec);
    }
}
