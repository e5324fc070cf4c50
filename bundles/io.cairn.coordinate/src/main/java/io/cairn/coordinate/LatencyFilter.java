package io.cairn.coordinate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The median of the last few round trips observed to each node, so that one slow probe (a pause, a retransmit)
 * does not throw a coordinate off. Keeps at most {@code maxNodes} nodes, forgetting the one observed least
 * recently when a new one would pass that, so nodes seen once cannot grow it without end. Not thread-safe.
 */
final class LatencyFilter {

    /** One node's last samples, oldest first. */
    private static final class Samples {
        final double[] seconds;
        int count;

        Samples(int window) {
            seconds = new double[window];
        }

        void add(double value) {
            if (count == seconds.length) {
                System.arraycopy(seconds, 1, seconds, 0, count - 1);
                seconds[count - 1] = value;
            } else {
                seconds[count++] = value;
            }
        }

        /** The middle sample, the larger of the two middle ones for an even count (as Serf picks it). */
        double median() {
            double[] sorted = Arrays.copyOf(seconds, count);
            Arrays.sort(sorted);
            return sorted[count / 2];
        }
    }

    private final int window;
    private final Map<String, Samples> samples;

    LatencyFilter(int window, int maxNodes) {
        if (window < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("A latency filter needs a window and a node limit of at least 1");
        }
        this.window = window;
        this.samples = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Samples> eldest) {
                return size() > maxNodes;
            }
        };
    }

    /** Records {@code seconds} for {@code node} and returns the median of that node's last samples. */
    double add(String node, double seconds) {
        Samples s = samples.computeIfAbsent(node, n -> new Samples(window));
        s.add(seconds);
        return s.median();
    }

    /** Drops what was observed for {@code node}. */
    void forget(String node) {
        samples.remove(node);
    }

    /** How many nodes have samples. */
    int nodes() {
        return samples.size();
    }
}
