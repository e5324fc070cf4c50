package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;

import io.cairn.itests.faults.CheckResult;
import io.cairn.itests.faults.Op;
import io.cairn.itests.faults.RegisterChecker;

/**
 * Jepsen-style: three servers as processes, clients reading, writing and compare-and-setting registers and taking a
 * lock through random servers, while a nemesis kills the leader with SIGKILL, pauses the leader or a follower with
 * SIGSTOP and restarts servers. Afterwards: the history of writes, CAS and {@code ?consistent} reads must be
 * linearizable, every acknowledged append present on every server, the servers agreed, no two lock holders acted
 * under one lock index, and a holder paused past its session's TTL must have lost the lock.
 * <p>
 * CI runs two minutes; {@code -Dfaults.minutes=30} is the release check. {@code -Dfaults.leaderKills=100} runs
 * the leader-kill profile instead of being skipped. {@code -Dfaults.seed=N} replays a run's choices (the servers'
 * timing still differs). Figures go to {@code target/faults/}; see {@code docs/reliability.md}.
 */
public class FaultInjectionIT {
    private static final double MINUTES = Double.parseDouble(System.getProperty("faults.minutes", "2"));
    private static final int LEADER_KILLS = Integer.getInteger("faults.leaderKills", 0);
    private static final long SEED = Long.getLong("faults.seed", System.currentTimeMillis());

    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-faults-it", "j1", "j2", "j3");

    @Test
    public void linearizableDurableAndConvergentUnderKillsPausesAndRestarts() throws Exception {
        List<AgentProcess> servers = cluster.start().servers();
        Random random = new Random(SEED);
        RegisterWorkload registers = new RegisterWorkload(servers, 3);
        LockWorkload locks = new LockWorkload(servers);
        Nemesis nemesis = new Nemesis(servers, SEED, registers.history().startNanos());
        registers.start(6, SEED);
        locks.start(3, SEED);

        long runNanos = (long) (MINUTES * 60e9);
        long start = System.nanoTime();
        boolean holderPaused = false;
        while (System.nanoTime() - start < runNanos) {
            Thread.sleep(1500 + random.nextInt(2500));
            nemesis.strikeOnce();
            if (!holderPaused && System.nanoTime() - start > runNanos / 6) {
                locks.pauseNextHolder();
                holderPaused = true;
            }
        }
        nemesis.healAll();
        registers.stop();
        locks.stop();

        Report report = new Report("faults-" + SEED);
        report.line("seed %d, %.1f minutes, %d faults", SEED, MINUTES, nemesis.faults().size());
        report.faults(nemesis.faults());

        assertConverged(servers);
        assertDurable(servers, registers, report);
        assertLinearizable(registers, report);
        assertLocksHeld(locks, report);
        report.write();
        assertEquals("404s without X-Consul-Index from a known endpoint: " + KvClient.unindexedSamples(), 0,
                KvClient.unindexedNotFound());
    }

    @Test
    public void leaderKillsUnderWritesLoseNoAcknowledgedWrite() throws Exception {
        assumeTrue("set -Dfaults.leaderKills=N to run this profile", LEADER_KILLS > 0);
        List<AgentProcess> servers = cluster.start().servers();
        RegisterWorkload writers = new RegisterWorkload(servers, 1);
        Nemesis nemesis = new Nemesis(servers, SEED, writers.history().startNanos());
        writers.start(2, SEED);
        for (int kill = 0; kill < LEADER_KILLS; kill++) {
            nemesis.strike(Nemesis.Kind.KILL_LEADER);
            Thread.sleep(1000);
        }
        nemesis.healAll();
        writers.stop();

        Report report = new Report("leader-kills-" + SEED);
        report.line("seed %d, %d leader kills (SIGKILL, restart 1-3 s later)", SEED, LEADER_KILLS);
        report.faults(nemesis.faults());
        assertConverged(servers);
        assertDurable(servers, writers, report);
        assertLinearizable(writers, report);
        report.write();
        assertEquals("404s without X-Consul-Index from a known endpoint: " + KvClient.unindexedSamples(), 0,
                KvClient.unindexedNotFound());
    }

    /** A marker written after healing reaches every server, and then they hold the same registers and appends. */
    private static void assertConverged(List<AgentProcess> servers) throws Exception {
        for (AgentProcess s : servers) {
            s.awaitLeader(Duration.ofSeconds(120));
        }
        KvClient kv = new KvClient(Duration.ofSeconds(30));
        boolean[] answer = new boolean[1];
        assertEquals(KvClient.Outcome.OK, kv.put(servers.get(0), "/v1/kv/healed", "1", answer));
        for (AgentProcess s : servers) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (kv.get(s, "healed", "stale").entry() == KvClient.Entry.ABSENT) {
                assertTrue(s.node + " never applied the marker", System.nanoTime() < deadline);
                Thread.sleep(100);
            }
        }
        for (String prefix : List.of("register/?recurse", RegisterWorkload.DURABLE_PREFIX + "?keys")) {
            String first = null;
            for (AgentProcess s : servers) {
                String body = kv.send(s, "GET", "/v1/kv/" + prefix + "&stale", null).body();
                if (first == null) {
                    first = body;
                }
                assertEquals(s.node + " disagrees on " + prefix, first, body);
            }
        }
    }

    private static void assertDurable(List<AgentProcess> servers, RegisterWorkload workload, Report report)
            throws Exception {
        KvClient kv = new KvClient(Duration.ofSeconds(30));
        for (AgentProcess s : servers) {
            HttpResponse<String> keys = kv.send(s, "GET", "/v1/kv/" + RegisterWorkload.DURABLE_PREFIX + "?keys&stale",
                    null);
            List<String> lost = workload.acknowledgedAppends().stream()
                    .filter(k -> !keys.body().contains("\"" + k + "\"")).sorted().toList();
            assertTrue(s.node + " lost acknowledged appends " + lost, lost.isEmpty());
        }
        report.line("durability: %d acknowledged appends, all on all 3 servers", workload.acknowledgedAppends().size());
    }

    private static void assertLinearizable(RegisterWorkload workload, Report report) {
        report.line("404s without X-Consul-Index while servers started: %d", KvClient.unindexedNotFound());
        List<Op> strict = workload.history().ops();
        Map<Op.Status, Long> byStatus = strict.stream().collect(Collectors.groupingBy(Op::status,
                Collectors.counting()));
        CheckResult result = new RegisterChecker().check(strict, workload.history().startNanos());
        report.line("history: %d ops (writes, CAS, ?consistent reads): %s; linearizability: %s (%d checked, "
                + "%d states)", strict.size(), byStatus, result.verdict(), result.opsChecked(),
                result.statesExplored());
        List<Op> withDefaultReads = Stream.concat(strict.stream(), workload.defaultReads().ops().stream()).toList();
        CheckResult relaxed = new RegisterChecker().check(withDefaultReads, workload.history().startNanos());
        report.line("with %d default-mode reads as well: %s%s", workload.defaultReads().size(), relaxed.verdict(),
                relaxed.isInvalid() ? " (a default read may be served by a leader that was deposed)\n"
                        + relaxed.explanation() : "");
        assertTrue("not linearizable:\n" + result.explanation(), result.isValid());
    }

    private static void assertLocksHeld(LockWorkload locks, Report report) {
        Map<Long, String> holderOfIndex = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (LockWorkload.Act act : locks.acts()) {
            String earlier = holderOfIndex.putIfAbsent(act.lockIndex(), act.session());
            if (earlier != null && !earlier.equals(act.session())) {
                conflicts.add("lock index " + act.lockIndex() + ": sessions " + earlier + " and " + act.session());
            }
        }
        report.line("locks: %d acts under %d lock indexes; pauses past the TTL: %s", locks.acts().size(),
                holderOfIndex.size(), locks.pauses());
        assertTrue("two holders acted under one lock index: " + conflicts, conflicts.isEmpty());
        assertTrue("no holder got the lock", !locks.acts().isEmpty());
        assertEquals("a holder was paused past its TTL", 1, locks.pauses().size());
        LockWorkload.Pause pause = locks.pauses().get(0);
        assertNotNull("no server answered the paused holder within 60 s: " + pause, pause.renewStatus());
        assertTrue("the paused holder could still act: " + pause, pause.actRefused());
        assertEquals("the paused holder's renewal answered: " + pause, Integer.valueOf(404), pause.renewStatus());
    }

    /** The run's figures, printed and written to {@code target/faults/<name>.txt}. */
    private static final class Report {
        private final String name;
        private final StringBuilder text = new StringBuilder();

        Report(String name) {
            this.name = name;
        }

        void line(String format, Object... args) {
            String line = String.format(format, args);
            System.out.println("[faults] " + line);
            text.append(line).append('\n');
        }

        void faults(List<Nemesis.Fault> faults) {
            Map<Nemesis.Kind, Long> kinds = faults.stream().collect(Collectors.groupingBy(Nemesis.Fault::kind,
                    Collectors.counting()));
            List<Long> elections = faults.stream().flatMap(f -> f.election().stream()).map(Duration::toMillis)
                    .sorted().toList();
            line("faults by kind: %s", kinds);
            if (!elections.isEmpty()) {
                line("new leader after the leader went (ms): p50 %d, p99 %d, max %d, n %d", percentile(elections, 50),
                        percentile(elections, 99), elections.get(elections.size() - 1), elections.size());
            }
        }

        void write() throws Exception {
            Path dir = Path.of("target", "faults");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text);
        }

        private static long percentile(List<Long> sorted, int p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
