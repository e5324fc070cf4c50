package io.cairn.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injects faults into a cluster of server processes, one at a time: kills the leader with SIGKILL and restarts it,
 * pauses the leader or a follower with SIGSTOP and resumes it with SIGCONT, and restarts a server with SIGTERM.
 * It records each fault and, for faults that take the leader away, how long the others took to elect a new one.
 */
final class Nemesis {

    /** The kinds of fault. */
    enum Kind { KILL_LEADER, PAUSE_LEADER, PAUSE_FOLLOWER, RESTART_SERVER }

    /** One fault: what, on whom, when (seconds since the run began), and the election it caused, if any. */
    record Fault(Kind kind, String target, double atSeconds, Optional<Duration> election) {
    }

    private final List<AgentProcess> servers;
    private final KvClient client = new KvClient(Duration.ofSeconds(1));
    private final Random random;
    private final long origin;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final Set<AgentProcess> paused = ConcurrentHashMap.newKeySet();

    Nemesis(List<AgentProcess> servers, long seed, long originNanos) {
        this.servers = servers;
        this.random = new Random(seed);
        this.origin = originNanos;
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** Injects one fault of a kind chosen at random, heals it, and waits until the cluster has a leader again. */
    Fault strikeOnce() throws Exception {
        Kind[] kinds = Kind.values();
        return strike(kinds[random.nextInt(kinds.length)]);
    }

    /** Injects one fault of {@code kind}, heals it, and waits until every server knows a leader again. */
    Fault strike(Kind kind) throws Exception {
        AgentProcess leader = leader().orElseThrow(() -> new AssertionError("no leader before a fault"));
        List<AgentProcess> followers = servers.stream().filter(s -> s != leader).toList();
        AgentProcess target = switch (kind) {
            case KILL_LEADER, PAUSE_LEADER -> leader;
            case PAUSE_FOLLOWER -> followers.get(random.nextInt(followers.size()));
            case RESTART_SERVER -> servers.get(random.nextInt(servers.size()));
        };
        long at = System.nanoTime();
        Optional<Duration> election = Optional.empty();
        switch (kind) {
            case KILL_LEADER -> {
                target.kill();
                election = Optional.of(awaitLeaderOtherThan(target, followers));
                Thread.sleep(1000 + random.nextInt(2000));
                target.start();
            }
            case PAUSE_LEADER -> {
                pause(target);
                election = Optional.of(awaitLeaderOtherThan(target, followers));
                Thread.sleep(500 + random.nextInt(3000));
                resume(target);
            }
            case PAUSE_FOLLOWER -> {
                pause(target);
                Thread.sleep(2000 + random.nextInt(3000));
                resume(target);
            }
            case RESTART_SERVER -> {
                target.terminate();
                Thread.sleep(500 + random.nextInt(1500));
                target.start();
            }
        }
        for (AgentProcess s : servers) {
            s.awaitLeader(Duration.ofSeconds(120));
        }
        Fault fault = new Fault(kind, target.node, (at - origin) / 1e9, election);
        faults.add(fault);
        return fault;
    }

    /** Resumes every paused server: the end of a run leaves nothing stopped. */
    void healAll() throws Exception {
        for (AgentProcess s : List.copyOf(paused)) {
            resume(s);
        }
        for (AgentProcess s : servers) {
            if (!s.isAlive()) {
                s.start();
            }
        }
    }

    /** The server the running, unpaused servers name as leader, if they name one. */
    Optional<AgentProcess> leader() {
        for (AgentProcess asked : servers) {
            if (!asked.isAlive() || paused.contains(asked)) {
                continue;
            }
            Optional<AgentProcess> named = leaderNamedBy(asked);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    private Optional<AgentProcess> leaderNamedBy(AgentProcess asked) {
        try {
            String addr = client.send(asked, "GET", "/v1/status/leader", null).body().trim().replace("\"", "");
            return servers.stream().filter(s -> s.raftAddr().equals(addr)).findFirst();
        } catch (Exception notNow) {
            return Optional.empty();
        }
    }

    /** How long until one of {@code survivors} names a leader other than {@code gone} (fails after a minute). */
    private Duration awaitLeaderOtherThan(AgentProcess gone, List<AgentProcess> survivors) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            for (AgentProcess s : survivors) {
                Optional<AgentProcess> named = leaderNamedBy(s);
                if (named.isPresent() && named.get() != gone) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no new leader within a minute after " + gone.node + " went away");
    }

    private void pause(AgentProcess s) throws Exception {
        paused.add(s);
        s.signal("STOP");
    }

    private void resume(AgentProcess s) throws Exception {
        s.signal("CONT");
        paused.remove(s);
    }
}
