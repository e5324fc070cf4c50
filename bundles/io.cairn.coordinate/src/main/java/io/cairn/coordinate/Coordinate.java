package io.cairn.coordinate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A point in Vivaldi's model of the network, with Consul's JSON field names ({@code Vec}, {@code Error},
 * {@code Adjustment}, {@code Height}); distances are in seconds.
 *
 * <p>Any values can be held (a coordinate read from the network or the store is whatever was sent); only a
 * {@linkplain #isValid() valid} one is used for an estimate.
 *
 * @param vec        the Euclidean part, {@link #DIMENSIONS} components
 * @param error      the confidence in the coordinate (1.5 for a new one, smaller is better)
 * @param adjustment the offset learned from the observed errors, added to every estimate
 * @param height     the access-link part (the distance from the node to the network core)
 */
public record Coordinate(List<Double> vec, double error, double adjustment, double height) {

    /** Serf's dimensionality. */
    public static final int DIMENSIONS = 8;
    /** The error of a new coordinate, and the most an update can raise it to (Serf's VivaldiErrorMax). */
    public static final double ERROR_MAX = 1.5;
    /** The least height, in seconds (10 µs, Serf's HeightMin). */
    public static final double HEIGHT_MIN = 10.0e-6;

    /** Below this, in seconds, a length counts as zero (the two points coincide). */
    static final double ZERO_THRESHOLD = 1.0e-6;
    private static final double NANOS_PER_SECOND = 1.0e9;
    private static final Coordinate ORIGIN = new Coordinate(zeros(), ERROR_MAX, 0.0, HEIGHT_MIN);

    public Coordinate {
        vec = List.copyOf(vec);
    }

    /** A new node's coordinate: at the origin, with the largest error, no adjustment and the least height. */
    public static Coordinate origin() {
        return ORIGIN;
    }

    /**
     * Whether every component is a finite number and {@link #vec} has {@link #DIMENSIONS} of them; only such a
     * coordinate is used for an estimate or an update.
     */
    public boolean isValid() {
        if (vec.size() != DIMENSIONS) {
            return false;
        }
        for (double component : vec) {
            if (!Double.isFinite(component)) {
                return false;
            }
        }
        return Double.isFinite(error) && Double.isFinite(adjustment) && Double.isFinite(height);
    }

    /** Whether the two have the same dimensionality, so that a distance between them means something. */
    public boolean isCompatibleWith(Coordinate other) {
        return vec.size() == other.vec.size();
    }

    /**
     * The estimated round-trip time between the two nodes: the Euclidean distance plus both heights, plus both
     * adjustments unless that would make the estimate zero or negative. Symmetric and never negative.
     *
     * @throws IllegalArgumentException if either coordinate is not {@linkplain #isValid() valid}
     */
    public Duration distanceTo(Coordinate other) {
        requireValid(this);
        requireValid(other);
        return Duration.ofNanos((long) (estimateSeconds(other) * NANOS_PER_SECOND));
    }

    /** {@link #distanceTo} in seconds, for coordinates known to be compatible (NaN for invalid ones). */
    double estimateSeconds(Coordinate other) {
        double seconds = rawDistanceTo(other);
        double adjusted = seconds + adjustment + other.adjustment;
        return adjusted > 0.0 ? adjusted : seconds;
    }

    /** Throws a clear error for a coordinate that cannot be used. */
    static void requireValid(Coordinate c) {
        if (c.vec.size() != DIMENSIONS) {
            throw new IllegalArgumentException("A network coordinate needs " + DIMENSIONS + " dimensions, not "
                    + c.vec.size());
        }
        if (!c.isValid()) {
            throw new IllegalArgumentException("A network coordinate must have finite components, not " + c);
        }
    }

    /** The distance in seconds without the adjustments. */
    double rawDistanceTo(Coordinate other) {
        return magnitude(difference(this, other)) + height + other.height;
    }

    /**
     * This coordinate moved by {@code force} seconds away from {@code other} (towards it when negative), with the
     * height changed in proportion; when the two coincide, in a direction {@code random} picks.
     */
    Coordinate pushedFrom(Coordinate other, double force, RandomGenerator random) {
        double[] direction = difference(this, other);
        double distance = magnitude(direction);
        if (distance > ZERO_THRESHOLD) {
            scale(direction, 1.0 / distance);
        } else {
            distance = 0.0;
            randomUnit(direction, random);
        }
        List<Double> moved = new ArrayList<>(vec.size());
        for (int i = 0; i < direction.length; i++) {
            moved.add(vec.get(i) + direction[i] * force);
        }
        double newHeight = height;
        if (distance > ZERO_THRESHOLD) {
            newHeight = Math.max((height + other.height) * force / distance + height, HEIGHT_MIN);
        }
        return new Coordinate(moved, error, adjustment, newHeight);
    }

    Coordinate withError(double newError) {
        return new Coordinate(vec, newError, adjustment, height);
    }

    Coordinate withAdjustment(double newAdjustment) {
        return new Coordinate(vec, error, newAdjustment, height);
    }

    private static List<Double> zeros() {
        List<Double> zeros = new ArrayList<>(DIMENSIONS);
        for (int i = 0; i < DIMENSIONS; i++) {
            zeros.add(0.0);
        }
        return zeros;
    }

    private static double[] difference(Coordinate a, Coordinate b) {
        double[] d = new double[a.vec.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.vec.get(i) - b.vec.get(i);
        }
        return d;
    }

    private static double magnitude(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    /** Fills {@code v} with a random unit vector; the first axis in the (vanishingly rare) degenerate draw. */
    private static void randomUnit(double[] v, RandomGenerator random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        double length = magnitude(v);
        if (length > ZERO_THRESHOLD) {
            scale(v, 1.0 / length);
        } else {
            Arrays.fill(v, 0.0);
            v[0] = 1.0;
        }
    }
}
