package io.cairn.gossip.internal.swim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.internal.sim.SimCluster;

/** A simulated pool of members {@code n0 .. n<size-1>}, each with a {@link Recorder}, joined through n0. */
final class Harness {
    final SimCluster cluster;
    final Map<String, Recorder> recorders = new LinkedHashMap<>();

    Harness(SwimConfig config, long seed, int size) {
        cluster = new SimCluster(config, seed);
        for (int i = 0; i < size; i++) {
            Recorder recorder = new Recorder();
            recorders.put("n" + i, recorder);
            cluster.start("n" + i, Map.of("role", "node", "id", "id-" + i), recorder);
        }
        cluster.joinAll(Duration.ofMillis(100));
    }

    static Harness converged(SwimConfig config, long seed, int size) {
        Harness harness = new Harness(config, seed, size);
        harness.advance(Duration.ofSeconds(30));
        return harness;
    }

    GossipPool pool(String name) {
        return cluster.pool(name);
    }

    Recorder recorder(String name) {
        return recorders.get(name);
    }

    InetSocketAddress address(String name) {
        return cluster.address(name);
    }

    void advance(Duration duration) {
        cluster.advance(duration);
    }

    List<String> names() {
        return List.copyOf(recorders.keySet());
    }

    /** The names of the members other than {@code except} that are still running. */
    List<String> others(String... except) {
        Set<String> excluded = Set.of(except);
        return names().stream().filter(n -> !excluded.contains(n)).toList();
    }

    /** {@code viewer}'s status of {@code member}, NONE if it does not know it. */
    MemberStatus status(String viewer, String member) {
        return pool(viewer).members().stream().filter(m -> m.name().equals(member)).map(Member::status)
                .findFirst().orElse(MemberStatus.NONE);
    }

    /** Whether every one of {@code viewers} sees {@code member} with {@code status}. */
    boolean allSee(List<String> viewers, String member, MemberStatus status) {
        return viewers.stream().allMatch(v -> status(v, member) == status);
    }

    /** Whether every one of {@code viewers} sees each of them alive. */
    boolean allAlive(List<String> viewers) {
        return viewers.stream().allMatch(v -> allSee(viewers, v, MemberStatus.ALIVE));
    }

    /** Advances in steps of {@code step} until {@code done} or {@code limit}; returns the time it took. */
    Duration advanceUntil(Duration limit, Duration step, java.util.function.BooleanSupplier done) {
        Duration waited = Duration.ZERO;
        while (!done.getAsBoolean() && waited.compareTo(limit) < 0) {
            advance(step);
            waited = waited.plus(step);
        }
        return waited;
    }

    static List<String> names(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "n" + i).collect(Collectors.toList());
    }
}
