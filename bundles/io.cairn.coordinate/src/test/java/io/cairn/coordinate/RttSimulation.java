package io.cairn.coordinate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Nodes with a known round-trip matrix, each observing a random other per cycle; seeded, so repeatable. */
final class RttSimulation {

    record Accuracy(double meanRelativeError, double maxRelativeError) {
    }

    private final double[][] truth;
    private final List<VivaldiClient> clients = new ArrayList<>();
    private final Random random = new Random(42);

    private RttSimulation(double[][] truth) {
        this.truth = truth;
        for (int i = 0; i < truth.length; i++) {
            clients.add(new VivaldiClient(new Random(i), truth.length));
        }
    }

    /** Nodes {@code spacing} seconds apart on a line. */
    static RttSimulation line(int nodes, double spacing) {
        double[][] truth = new double[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                truth[i][j] = Math.abs(i - j) * spacing;
            }
        }
        return new RttSimulation(truth);
    }

    /** Two equal clusters: {@code near} seconds within one, {@code far} between them. */
    static RttSimulation twoClusters(int nodes, double near, double far) {
        double[][] truth = new double[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                truth[i][j] = i == j ? 0 : (i < nodes / 2) == (j < nodes / 2) ? near : far;
            }
        }
        return new RttSimulation(truth);
    }

    void run(int cycles) {
        int n = truth.length;
        for (int cycle = 0; cycle < cycles; cycle++) {
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                if (j != i) {
                    Duration rtt = Duration.ofNanos(Math.round(truth[i][j] * 1.0e9));
                    clients.get(i).update("node-" + j, clients.get(j).coordinate(), rtt);
                }
            }
        }
    }

    Coordinate coordinate(int node) {
        return clients.get(node).coordinate();
    }

    Duration estimate(int from, int to) {
        return coordinate(from).distanceTo(coordinate(to));
    }

    Accuracy accuracy() {
        double sum = 0;
        double max = 0;
        int pairs = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = i + 1; j < truth.length; j++) {
                double error = Math.abs(estimate(i, j).toNanos() / 1.0e9 - truth[i][j]) / truth[i][j];
                sum += error;
                max = Math.max(max, error);
                pairs++;
            }
        }
        return new Accuracy(sum / pairs, max);
    }
}
