package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.SingleServerTest.put;
import static io.cairn.raft.internal.node.TestCluster.await;
import static io.cairn.raft.internal.node.TestCluster.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.ratis.server.raftlog.RaftLogBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.ServerInfo;

/** Three servers on loopback that find each other through one join address and bootstrap-expect 3. */
class ThreeServerClusterTest {

    @TempDir
    Path dir;

    @Test
    void formsReplicatesForwardsAndServesFreshReadsOnFollowers() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server leader = cluster.leader();
            TestCluster.Server follower = cluster.follower();
            await(() -> cluster.servers.stream().allMatch(s -> s.node.configuration().servers().size() == 3),
                    "every server to see three peers");
            await(() -> follower.node.leader().isPresent(), "the follower to hear from the leader");
            List<ServerInfo> servers = follower.node.configuration().servers();
            assertEquals(List.of("node1", "node2", "node3"), servers.stream().map(ServerInfo::node).toList());
            assertEquals("127.0.0.1:" + leader.settings.port(), follower.node.leader().orElseThrow());
            assertEquals(1, servers.stream().filter(ServerInfo::leader).count());

            // a write on a follower is forwarded to the leader and visible on the follower when it completes
            put(follower.node, "from-follower", "1");
            assertEquals("1", value(follower.node, "from-follower").orElseThrow());
            await(() -> value(leader.node, "from-follower").isPresent(), "the leader to apply it");
            // many at once on a follower travel to the leader in shared entries, each with its own outcome
            List<CompletableFuture<CommandResult>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                writes.add(follower.node.submit("kv", ("f" + i + "=" + i).getBytes(StandardCharsets.UTF_8))
                        .toCompletableFuture());
            }
            for (int i = 0; i < writes.size(); i++) {
                assertEquals("ok", new String(writes.get(i).get(30, TimeUnit.SECONDS).result(),
                        StandardCharsets.UTF_8));
                assertEquals(String.valueOf(i), value(follower.node, "f" + i).orElseThrow());
            }

            for (Consistency mode : List.of(Consistency.DEFAULT, Consistency.CONSISTENT)) {
                put(leader.node, "mode", mode.name());
                ReadContext context = follower.node.barrier(mode).toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertEquals(mode.name(), value(follower.node, "mode").orElseThrow(), "fresh after " + mode);
                assertTrue(context.knownLeader());
                assertEquals(mode, context.consistency());
            }
            ReadContext stale = follower.node.barrier(Consistency.STALE).toCompletableFuture().getNow(null);
            assertTrue(stale.knownLeader());
        }
    }

    @Test
    void survivesLeaderLossAndARestartedServerCatchesUpOnceItsHandlerIsBack() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server oldLeader = cluster.leader();
            put(oldLeader.node, "before", "1");
            // Ratis does not count the vote of a server whose log is still empty once anything is committed, so
            // losing the leader before every server holds an entry could leave the other two unable to elect.
            await(() -> cluster.servers.stream().allMatch(s -> value(s.node, "before").isPresent()),
                    "all three to apply the first write");

            oldLeader.stop();
            TestCluster.Server newLeader = cluster.leader();
            assertNotEquals(oldLeader, newLeader);
            TestCluster.Server follower = cluster.follower();
            put(follower.node, "after", "2");

            // the old leader restarts from its storage without the kv handler: it must not skip the entries
            oldLeader.handlers.remove("kv", TestCluster.KV);
            oldLeader.start(false);
            await(() -> oldLeader.node.waitingForHandler().isPresent(), "the restarted server to wait for 'kv'");
            assertEquals("kv", oldLeader.node.waitingForHandler().orElseThrow());
            assertFalse(value(oldLeader.node, "after").isPresent());

            oldLeader.handlers.add("kv", TestCluster.KV, 0, 2);
            await(() -> value(oldLeader.node, "after").isPresent(), "the restarted server to catch up");
            assertEquals("1", value(oldLeader.node, "before").orElseThrow());
            assertTrue(oldLeader.node.waitingForHandler().isEmpty());
            put(oldLeader.node, "again", "3");
            await(() -> cluster.servers.stream().allMatch(s -> value(s.node, "again").isPresent()),
                    "all three to apply a new write");
        }
    }

    @Test
    void aLeaderClosedWithWritesItCannotCommitFailsThemAndCloses() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server leader = cluster.leader();
            put(leader.node, "ready", "1");
            for (TestCluster.Server s : cluster.servers) {
                if (s != leader) {
                    s.stop();
                }
            }
            CompletableFuture<CommandResult> pending = leader.node.submit("kv",
                    "stuck=1".getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
            Thread.sleep(100);
            assertFalse(pending.isDone(), "committed without a quorum");

            // closing answers the pending write "not leader"; falling back to the client then must not wait for
            // a lock that closing holds
            leader.stopWithin(Duration.ofSeconds(30));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
            assertInstanceOf(NoLeaderException.class, failed.getCause());
        }
    }

    /**
     * A server stopping while an entry waits for its handler leaves that entry unapplied; the entries committed
     * after it must not move the snapshot taken on the way out past it, or the restarted server would start after
     * the entry and never apply it (the fault-injection suite saw a server lose a write this way after a restart,
     * when a commit-index entry followed it).
     */
    @Test
    void anEntryLeftUnappliedWhileStoppingIsAppliedAfterTheRestart() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server leader = cluster.leader();
            put(leader.node, "before", "1");
            await(() -> cluster.servers.stream().allMatch(s -> value(s.node, "before").isPresent()), "all three");
            TestCluster.Server follower = cluster.follower();
            follower.handlers.remove("kv", TestCluster.KV);
            put(leader.node, "waiting", "2");
            long after = put(leader.node, "after", "3").index();
            await(() -> follower.node.waitingForHandler().isPresent(), "the follower to wait for 'kv'");
            await(() -> follower.meters.get("cairn.raft.commit.index").gauge().value() >= after,
                    "the follower to learn that both are committed");

            follower.stop();
            follower.handlers.add("kv", TestCluster.KV, 0, 2);
            follower.start(false);
            await(() -> value(follower.node, "after").isPresent(), "the restarted follower to apply the entries");
            assertEquals("2", value(follower.node, "waiting").orElseThrow());
        }
    }

    /**
     * A leader cut off from both followers, before it notices, must not serve a {@code ?consistent} read: its last
     * commit index was confirmed by a quorum earlier, which Ratis's ReadIndex took as confirmation enough (the
     * stale read the fault-injection suite caught, after a paused leader woke up).
     */
    @Test
    void anIsolatedLeaderServesNoConsistentRead() throws Exception {
        // the leader steps down an election timeout after it last heard from a majority; stopping the followers
        // can take about as long, so a try that finds it stepped down already proves nothing and goes again
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (TestCluster cluster = new TestCluster(dir.resolve("try" + attempt), 3, 10_000,
                    NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
                TestCluster.Server leader = cluster.leader();
                put(leader.node, "ready", "1");
                leader.node.barrier(Consistency.CONSISTENT).toCompletableFuture().get(30, TimeUnit.SECONDS);
                CompletableFuture.allOf(cluster.servers.stream().filter(s -> s != leader)
                        .map(s -> CompletableFuture.runAsync(() -> {
                            try {
                                s.stop();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        })).toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                if (!leader.node.isLeader()) {
                    continue;
                }
                ExecutionException refused = assertThrows(ExecutionException.class, () -> leader.node
                        .barrier(Consistency.CONSISTENT).toCompletableFuture().get(30, TimeUnit.SECONDS));
                assertInstanceOf(NoLeaderException.class, refused.getCause());
                return;
            }
        }
        fail("the leader stepped down before both followers had stopped, three times");
    }

    @Test
    void aFollowerBehindTheCompactedLogGetsASnapshot() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 20, 4096).start()) {
            TestCluster.Server leader = cluster.leader();
            TestCluster.Server lagging = cluster.follower();
            put(leader.node, "first", "1");
            lagging.stop();
            for (int i = 0; i < 150; i++) {
                put(leader.node, "k" + i, "v" + i);
            }
            long applied = leader.node.state().appliedIndex();
            lagging.start(true);
            await(() -> lagging.node.state().appliedIndex() >= applied, "the lagging server to catch up");
            assertEquals("v149", value(lagging.node, "k149").orElseThrow());
            assertEquals("1", value(lagging.node, "first").orElseThrow());
        }
    }

    /**
     * A leader that steps down answers every write still pending on it "not leader", including one it had
     * replicated and committed but not yet applied; the new leader has that entry. Sending it again must not apply
     * it twice: a counting handler records how often each write was applied, and the old leader's copy of the
     * handler holds the write until leadership has moved.
     */
    @Test
    void aWriteCommittedBeforeItsLeaderSteppedDownIsAppliedOnce() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server leader = cluster.leader();
            CountDownLatch applying = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            for (TestCluster.Server s : cluster.servers) {
                s.handlers.add(COUNT, s != leader ? COUNTING : (payload, state) -> {
                    applying.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return COUNTING.apply(payload, state);
                }, 0, 3);
            }
            put(leader.node, "ready", "1");
            await(() -> cluster.servers.stream().allMatch(s -> value(s.node, "ready").isPresent()), "all three");

            CompletableFuture<CommandResult> write = leader.node.submit(COUNT,
                    "once".getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
            assertTrue(applying.await(30, TimeUnit.SECONDS), "the leader applies the write");
            cluster.transferLeadership();
            release.countDown();

            long index = write.get(30, TimeUnit.SECONDS).index();
            long last = put(cluster.leader().node, "end", "1").index();
            await(() -> cluster.servers.stream().allMatch(s -> s.node.state().appliedIndex() >= last), "all applied");
            for (TestCluster.Server s : cluster.servers) {
                assertEquals("1", timesApplied(s.node, "once"), s.name + " applied the write more than once");
            }
            assertTrue(index < last);
        }
    }

    private static final String COUNT = "count";

    /** Counts in table {@code count} how often each payload (a write's name) was applied. */
    private static final CommandHandler COUNTING = (payload, state) -> {
        String key = new String(payload, StandardCharsets.UTF_8);
        long times = state.get(COUNT, key).map(e -> Long.parseLong(new String(e.value(), StandardCharsets.UTF_8)))
                .orElse(0L) + 1;
        state.put(COUNT, key, Long.toString(times).getBytes(StandardCharsets.UTF_8));
        return new byte[0];
    };

    private static String timesApplied(RaftNode node, String key) {
        return node.state().get(COUNT, key).map(e -> new String(e.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    /**
     * After a write to its log fails (a full disk), Ratis closes the log and the server can append and apply nothing
     * more while its process runs. Here the leader's log is closed as Ratis closes it: the node starts its Raft
     * server again from storage, keeps what it had and applies what the group writes next.
     */
    @Test
    void aServerWhoseLogRatisGaveUpStartsAgainFromStorage() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server stricken = cluster.leader();
            put(stricken.node, "before", "1");
            ((RaftLogBase) stricken.node.division().orElseThrow().getRaftLog()).close();

            TestCluster.Server other = cluster.servers.stream().filter(s -> s != stricken).findFirst().orElseThrow();
            put(other.node, "after", "2");
            await(() -> value(stricken.node, "after").isPresent(), "the stricken server to apply a later write");
            assertEquals("1", value(stricken.node, "before").orElseThrow());
            assertTrue(stricken.node.isRunning());
        }
    }
}
