package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.SingleServerTest.put;
import static io.cairn.raft.internal.node.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.api.ServerProgress;

/** Leadership transfer, the leader's view of its followers and removing a server, on three servers. */
class RaftOperatorTest {

    @TempDir
    Path dir;

    @Test
    void transfersLeadershipReportsProgressAndRemovesAStoppedServer() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server leader = cluster.leader();
            long written = put(leader.node, "k", "v").index();
            await(() -> progress(leader).stream().allMatch(p -> p.lastIndex() >= written)
                    && progress(leader).size() == 3, "the leader to see every server at the write");
            List<ServerProgress> progress = progress(leader);
            assertEquals(List.of("node1", "node2", "node3"), progress.stream().map(ServerProgress::id).toList());
            assertTrue(progress.stream().allMatch(p -> p.lastTerm() > 0));
            TestCluster.Server follower = cluster.follower();
            assertEquals(progress.stream().map(ServerProgress::id).toList(),
                    progress(follower).stream().map(ServerProgress::id).toList(), "a follower asks the leader");

            // asked on a follower, named: that follower leads next
            String target = follower.name;
            assertEquals(target, follower.node.transferLeadership(Optional.of(target)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS));
            await(() -> follower.node.isLeader(), target + " to lead");

            ExecutionException unknown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> follower.node.transferLeadership(Optional.of("nobody")).toCompletableFuture()
                            .get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, unknown.getCause());
            assertEquals("id \"nobody\" was not found in the Raft configuration", unknown.getCause().getMessage());

            // unnamed: another voter, the most up to date
            String next = follower.node.transferLeadership(Optional.empty()).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            await(() -> cluster.leader().name.equals(next), next + " to lead");

            TestCluster.Server stopped = cluster.follower();
            stopped.stop();
            TestCluster.Server current = cluster.leader();
            current.node.removeServer(stopped.name).toCompletableFuture().get(30, TimeUnit.SECONDS);
            await(() -> current.node.configuration().servers().size() == 2, "two servers left");
            assertTrue(current.node.configuration().servers().stream().map(ServerInfo::id)
                    .noneMatch(stopped.name::equals));
            put(current.node, "after", "1");
        }
    }

    @Test
    void aServerRemovedWhileItWasDownIsAddedBackWhenItReturns() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server gone = cluster.follower();
            put(cluster.leader().node, "before", "0");
            await(() -> TestCluster.value(gone.node, "before").isPresent(), gone.name + " to have the group's log");
            gone.stop();
            cluster.leader().node.removeServer(gone.name).toCompletableFuture().get(30, TimeUnit.SECONDS);
            await(() -> voter(cluster, gone.name).isEmpty(), gone.name + " out of the configuration");
            put(cluster.leader().node, "meanwhile", "1");

            // The leader adds back the servers gossip lists; until gossip hears of this one, several of its election
            // timeouts pass. Its storage lists it, and a leader tells a removed server that asks for votes to shut
            // down: it must ask to be added back instead.
            cluster.unheardOf.add(gone.name);
            gone.start(true);
            Thread.sleep(3 * RatisFactory.ELECTION_TIMEOUT_MAX.toLong(TimeUnit.MILLISECONDS));
            cluster.unheardOf.remove(gone.name);
            await(() -> voter(cluster, gone.name).equals(Optional.of(true)), gone.name + " back as a voter");
            await(() -> gone.node.leader().isPresent(), gone.name + " to follow the leader again");
            put(cluster.leader().node, "after", "2");
        }
    }

    /** Whether the leader's configuration has {@code id} as a voter; empty if it is not in it. */
    private static Optional<Boolean> voter(TestCluster cluster, String id) {
        return cluster.leader().node.configuration().servers().stream().filter(s -> s.id().equals(id))
                .map(ServerInfo::voter).findFirst();
    }

    private static List<ServerProgress> progress(TestCluster.Server server) {
        try {
            return server.node.progress().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
