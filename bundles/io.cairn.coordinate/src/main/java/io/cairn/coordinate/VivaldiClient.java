package io.cairn.coordinate;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * One node's own coordinate, refined from the round trips it observes to other nodes (Vivaldi with Serf's
 * additions: height, an adjustment term learned over the last 20 observations, a per-node median filter over the
 * last 3 round trips, and a weak gravity towards the origin so that a cluster does not drift away). Serf's
 * defaults throughout. Thread-safe.
 *
 * <p>Should an update ever leave the coordinate with a component that is not a finite number, the client starts
 * again from {@link Coordinate#origin()} and counts a {@linkplain Stats#resets() reset}.
 */
public final class VivaldiClient {

    /** How much one observation can change the error estimate (Serf's VivaldiCE). */
    static final double ERROR_GAIN = 0.25;
    /** How much one observation can move the coordinate (Serf's VivaldiCC). */
    static final double MOVE_GAIN = 0.25;
    /** How many observations the adjustment term averages (Serf's AdjustmentWindowSize). */
    static final int ADJUSTMENT_WINDOW = 20;
    /** How many round trips per node the median is taken over (Serf's LatencyFilterSize). */
    static final int LATENCY_FILTER_SIZE = 3;
    /** The distance from the origin, in seconds, at which gravity pulls by one second (Serf's GravityRho). */
    static final double GRAVITY_RHO = 150.0;
    /** Round trips above this are not believed (Serf's bound). */
    public static final Duration MAX_RTT = Duration.ofSeconds(10);
    /**
     * The most nodes whose round trips are remembered for the median at once; beyond it, the node observed least
     * recently is forgotten (it only starts its median again).
     */
    public static final int MAX_TRACKED_NODES = 65_536;

    /**
     * What the client has had to do besides updating.
     *
     * @param resets      how many times the coordinate became invalid and started again from the origin
     * @param ignoredRtts how many observations were ignored for a round trip of zero, a negative one, or one
     *                    above {@link #MAX_RTT}
     */
    public record Stats(long resets, long ignoredRtts) {
    }

    private final RandomGenerator random;
    private final LatencyFilter latencies;
    private final double[] adjustmentSamples = new double[ADJUSTMENT_WINDOW];
    private int adjustmentIndex;
    private Coordinate coordinate = Coordinate.origin();
    private long resets;
    private long ignoredRtts;

    /** A client at the origin. */
    public VivaldiClient() {
        this(new Random(), MAX_TRACKED_NODES);
    }

    /**
     * A client at the origin.
     *
     * @param random   picks the direction to move in when two coordinates coincide (seed it for repeatable runs);
     *                 used only under the client's lock
     * @param maxNodes how many nodes' round trips to remember at most
     */
    public VivaldiClient(RandomGenerator random, int maxNodes) {
        this.random = Objects.requireNonNull(random, "random");
        this.latencies = new LatencyFilter(LATENCY_FILTER_SIZE, maxNodes);
    }

    /** The current coordinate. */
    public synchronized Coordinate coordinate() {
        return coordinate;
    }

    /**
     * Refines the coordinate from one observed round trip to {@code node}, whose coordinate is {@code other}.
     * A round trip of zero or less, or above {@link #MAX_RTT}, is ignored (the coordinate stays as it is).
     *
     * @return the coordinate after the update
     * @throws IllegalArgumentException if {@code other} is not {@linkplain Coordinate#isValid() valid}
     */
    public synchronized Coordinate update(String node, Coordinate other, Duration rtt) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(rtt, "rtt");
        Coordinate.requireValid(Objects.requireNonNull(other, "other"));
        if (rtt.isNegative() || rtt.isZero() || rtt.compareTo(MAX_RTT) > 0) {
            ignoredRtts++;
            return coordinate;
        }
        double rttSeconds = latencies.add(node, rtt.toNanos() / 1.0e9);
        moveTowardsObservation(other, rttSeconds);
        learnAdjustment(other, rttSeconds);
        applyGravity();
        if (!coordinate.isValid()) {
            resets++;
            coordinate = Coordinate.origin();
        }
        return coordinate;
    }

    /** Forgets the round trips observed to {@code node} (it left the cluster). */
    public synchronized void forget(String node) {
        latencies.forget(node);
    }

    /** What the client has had to do besides updating, so far. */
    public synchronized Stats stats() {
        return new Stats(resets, ignoredRtts);
    }

    /** The Vivaldi step: the less sure this node is compared to the other, the more it moves and learns. */
    private void moveTowardsObservation(Coordinate other, double rttSeconds) {
        double rtt = Math.max(rttSeconds, Coordinate.ZERO_THRESHOLD);
        double estimate = coordinate.estimateSeconds(other);
        double wrongness = Math.abs(estimate - rtt) / rtt;
        double totalError = Math.max(coordinate.error() + other.error(), Coordinate.ZERO_THRESHOLD);
        double weight = coordinate.error() / totalError;
        double error = ERROR_GAIN * weight * wrongness + coordinate.error() * (1.0 - ERROR_GAIN * weight);
        coordinate = coordinate.withError(Math.min(error, Coordinate.ERROR_MAX))
                .pushedFrom(other, MOVE_GAIN * weight * (rtt - estimate), random);
    }

    /** The adjustment is half the mean of the recent differences between observed and modelled round trips. */
    private void learnAdjustment(Coordinate other, double rttSeconds) {
        adjustmentSamples[adjustmentIndex] = rttSeconds - coordinate.rawDistanceTo(other);
        adjustmentIndex = (adjustmentIndex + 1) % ADJUSTMENT_WINDOW;
        double sum = 0.0;
        for (double sample : adjustmentSamples) {
            sum += sample;
        }
        coordinate = coordinate.withAdjustment(sum / (2.0 * ADJUSTMENT_WINDOW));
    }

    private void applyGravity() {
        Coordinate origin = Coordinate.origin();
        double distance = origin.estimateSeconds(coordinate);
        coordinate = coordinate.pushedFrom(origin, -Math.pow(distance / GRAVITY_RHO, 2.0), random);
    }
}
