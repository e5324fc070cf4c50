package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a server's resources behave over time, as issue 25 asks: a KV store under churn keeps a flat size once the
 * tombstones of its deletions age out (here after a 3 s tombstone TTL instead of 15 minutes), and a write with no
 * leader fails within Consul's rpc_hold_timeout (7 s) with {@code No cluster leader}.
 */
public class ResourceBehaviourIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOMBSTONE_TTL_SECONDS = 3;

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-no-leader-it", "s1", "s2", "s3");
    private final List<AgentProcess> agents = new ArrayList<>();

    @After
    public void stop() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    @Test
    public void aStoreUnderChurnKeepsAFlatSizeOnceTombstonesAgeOut() throws Exception {
        AgentProcess server = new AgentProcess("churn", tmp.newFolder("churn").toPath(), "-server",
                "-bootstrap-expect", "1", "-bind", "127.0.0.1")
                .withEnv("KARAF_OPTS", "-Dcairn.tombstone.ttl.seconds=" + TOMBSTONE_TTL_SECONDS);
        agents.add(server);
        server.start().awaitLeader(Duration.ofSeconds(120));
        assertEquals("true", server.put("/v1/kv/kept", "stays").body());

        // every key is written once and deleted: without compaction each deletion leaves a tombstone for good
        List<Integer> snapshotSizes = new ArrayList<>();
        List<Long> deletedAt = new ArrayList<>();
        long start = System.nanoTime();
        for (int round = 1; round <= 4; round++) {
            while (System.nanoTime() - start < Duration.ofSeconds(5L * round).toNanos()) {
                String key = "/v1/kv/churn/" + deletedAt.size();
                assertEquals("true", server.put(key, "x".repeat(200)).body());
                assertEquals(200, server.send("DELETE", key, "").statusCode());
                deletedAt.add(System.nanoTime());
            }
            snapshotSizes.add(server.get("/v1/snapshot").body().length());
        }
        // at the end only the deletions of the last TTL (and a check interval) may still have their tombstones;
        // counted, not averaged over the run: the agent deletes faster once warm
        long youngSince = System.nanoTime() - Duration.ofSeconds(TOMBSTONE_TTL_SECONDS + 2).toNanos();
        long young = deletedAt.stream().filter(at -> at - youngSince > 0).count();
        double tombstones = gauge(server, "cairn.raft.tombstones");
        assertTrue(deletedAt.size() + " keys deleted over 20 s, " + young + " in the last "
                + (TOMBSTONE_TTL_SECONDS + 2) + " s, yet " + tombstones + " tombstones remain",
                tombstones <= young + 10);
        int after10s = snapshotSizes.get(1);
        int after20s = snapshotSizes.get(3);
        assertTrue("the store grew from " + after10s + " to " + after20s + " bytes under churn ("
                + snapshotSizes + ")", after20s < after10s * 1.5);
        assertEquals("stays", server.get("/v1/kv/kept?raw").body());

        // once the churn stops, every tombstone goes
        Await.until("no tombstone left", Duration.ofSeconds(TOMBSTONE_TTL_SECONDS * 4L),
                () -> gauge(server, "cairn.raft.tombstones") == 0);
    }

    @Test
    public void aWriteWithNoLeaderFailsWithinTheHoldTimeout() throws Exception {
        cluster.start();
        AgentProcess leader = cluster.server(cluster.leaderAddr());
        for (AgentProcess follower : cluster.followers(leader)) {
            follower.kill();
        }
        long start = System.nanoTime();
        HttpResponse<String> write = leader.put("/v1/kv/after-quorum-loss", "lost");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(write.body(), 500, write.statusCode());
        assertEquals("No cluster leader", write.body());
        assertTrue("failed after " + seconds + " s", seconds < 9);
        // and reads that need the leader say so too, while stale reads still answer
        assertEquals(500, leader.get("/v1/kv/after-quorum-loss?consistent").statusCode());
        assertEquals(404, leader.get("/v1/kv/after-quorum-loss?stale").statusCode());
    }

    /** A gauge of {@code /v1/agent/metrics} (Consul's JSON), by name. */
    private static double gauge(AgentProcess agent, String name) throws Exception {
        for (JsonNode gauge : JSON.readTree(agent.get("/v1/agent/metrics").body()).get("Gauges")) {
            if (gauge.get("Name").asText().equals(name)) {
                return gauge.get("Value").asDouble();
            }
        }
        throw new AssertionError("no gauge " + name);
    }
}
