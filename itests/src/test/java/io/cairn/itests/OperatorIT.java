package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code cairn operator raft} and {@code autopilot} on four servers (three that bootstrap, one that joins):
 * list-peers shows every server with one leader; transfer-leader to a named follower moves leadership; a server
 * killed with {@code kill -9} turns unhealthy in autopilot's health, stays while CleanupDeadServers is off and is
 * removed by address with remove-peer; with CleanupDeadServers on, the leader removes the next dead server itself
 * once gossip marks it failed (Consul's rule allows one of three voters); writes work throughout.
 */
public class OperatorIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-operator-it", "op1", "op2", "op3");
    @Rule
    public final TemporaryFolder files = new TemporaryFolder();

    @Test
    public void raftAndAutopilotOperationsOnFourServers() throws Exception {
        List<AgentProcess> servers = new ArrayList<>(cluster.start().servers());
        Path dir = files.getRoot().toPath();
        List<String> joinArgs = new ArrayList<>(List.of("-server", "-bootstrap-expect", "3", "-bind", "127.0.0.1"));
        for (AgentProcess s : servers) {
            joinArgs.add("-retry-join");
            joinArgs.add("127.0.0.1:" + s.serfLanPort);
        }
        try (AgentProcess fourth = new AgentProcess("op4", dir.resolve("op4")).withArgs(joinArgs)) {
            fourth.start().awaitLeader(Duration.ofSeconds(180));
            servers.add(fourth);
            AgentProcess asked = servers.get(0);
            await(() -> raftServers(asked).size() == 4, "four servers in the Raft configuration");
            write(asked, "start");

            Cli.Result peers = Cli.cairn(asked.httpAddr(), "operator", "raft", "list-peers");
            assertEquals(peers.stderr(), 0, peers.exitCode());
            List<String> lines = peers.stdout().lines().toList();
            assertTrue(peers.stdout(), lines.get(0).matches(
                    "Node +ID +Address +State +Voter +RaftProtocol +Commit Index +Trails Leader By"));
            assertEquals(peers.stdout(), 5, lines.size());
            assertEquals(peers.stdout(), 1, lines.stream().filter(l -> l.matches("\\S+ +\\S+ +\\S+ +leader .*")).count());
            for (AgentProcess s : servers) {
                assertTrue(peers.stdout(), lines.stream().anyMatch(l -> l.startsWith(nodeOf(s) + " ")
                        && l.contains(s.raftAddr())));
            }

            // transfer-leader to a named follower
            AgentProcess leader = cluster.server(cluster.leaderAddr());
            AgentProcess target = servers.stream().filter(s -> s != leader).reduce((a, b) -> b).orElseThrow();
            Cli.Result transfer = Cli.cairn(asked.httpAddr(), "operator", "raft", "transfer-leader",
                    "-id=" + nodeOf(target));
            assertEquals(transfer.stderr(), 0, transfer.exitCode());
            assertEquals("Success\n", transfer.stdout());
            for (AgentProcess s : servers) {
                await(() -> ThreeServerCluster.strip(s.get("/v1/status/leader").body()).equals(target.raftAddr()),
                        nodeOf(s) + " to name " + nodeOf(target) + " the leader");
            }
            write(asked, "transferred");

            Cli.Result config = Cli.cairn(asked.httpAddr(), "operator", "autopilot", "get-config");
            assertEquals(config.stderr(), 0, config.exitCode());
            assertEquals("CleanupDeadServers = true\nLastContactThreshold = 200ms\nMaxTrailingLogs = 250\n"
                    + "MinQuorum = 0\nServerStabilizationTime = 10s\nRedundancyZoneTag = \"\"\n"
                    + "DisableUpgradeMigration = false\nUpgradeVersionTag = \"\"\n", config.stdout());
            await(() -> health(asked).statusCode() == 200, "every server healthy");
            Cli.Result off = Cli.cairn(asked.httpAddr(), "operator", "autopilot", "set-config",
                    "-cleanup-dead-servers=false");
            assertEquals(off.stderr() + off.stdout(), 0, off.exitCode());
            assertEquals("Configuration updated!\n", off.stdout());

            // kill -9 a follower: unhealthy, kept while cleanup is off, then removed by address
            AgentProcess first = followerOtherThan(servers, target, asked);
            first.kill();
            await(() -> health(asked).statusCode() == 429 && !serverHealthy(asked, nodeOf(first)),
                    "autopilot to report " + nodeOf(first) + " unhealthy");
            await(() -> "failed".equals(serfStatus(asked, nodeOf(first))), "gossip to mark " + nodeOf(first)
                    + " failed");
            Thread.sleep(5_000);
            assertEquals(4, raftServers(asked).size());
            write(asked, "one-down");
            Cli.Result removed = Cli.cairn(asked.httpAddr(), "operator", "raft", "remove-peer",
                    "-address=" + first.raftAddr());
            assertEquals(removed.stderr(), 0, removed.exitCode());
            assertEquals("Removed peer with address \"" + first.raftAddr() + "\"\n", removed.stdout());
            await(() -> raftServers(asked).size() == 3, "three servers left");
            write(asked, "removed");

            // with cleanup on, the leader removes the next dead server itself
            Cli.Result on = Cli.cairn(asked.httpAddr(), "operator", "autopilot", "set-config",
                    "-cleanup-dead-servers=true");
            assertEquals(on.stderr() + on.stdout(), 0, on.exitCode());
            AgentProcess second = followerOtherThan(servers, target, asked, first);
            second.kill();
            await(() -> raftServers(asked).size() == 2, "autopilot to remove " + nodeOf(second));
            assertTrue(raftServers(asked).stream().noneMatch(s -> s.path("Node").asText().equals(nodeOf(second))));
            write(asked, "cleaned");

            Cli.Result state = Cli.cairn(asked.httpAddr(), "operator", "autopilot", "state");
            assertEquals(state.stderr(), 0, state.exitCode());
            assertTrue(state.stdout(), state.stdout().startsWith("Healthy:                      true\n"
                    + "Failure Tolerance:            0\n"));
        }
    }

    /** The node name of a server (its Raft id in Cairn). */
    private static String nodeOf(AgentProcess server) {
        return server.node;
    }

    private static AgentProcess followerOtherThan(List<AgentProcess> servers, AgentProcess... excluded) {
        return servers.stream().filter(s -> s.isAlive() && !List.of(excluded).contains(s)).findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> raftServers(AgentProcess asked) throws IOException, InterruptedException {
        HttpResponse<String> r = asked.get("/v1/operator/raft/configuration");
        if (r.statusCode() != 200) {
            return List.of();
        }
        List<JsonNode> servers = new ArrayList<>();
        JSON.readTree(r.body()).path("Servers").forEach(servers::add);
        return servers;
    }

    private static HttpResponse<String> health(AgentProcess asked) throws IOException, InterruptedException {
        return asked.get("/v1/operator/autopilot/health");
    }

    private static Optional<JsonNode> serverHealth(AgentProcess asked, String node) throws Exception {
        for (JsonNode s : JSON.readTree(health(asked).body()).path("Servers")) {
            if (s.path("Name").asText().equals(node)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static boolean serverHealthy(AgentProcess asked, String node) throws Exception {
        return serverHealth(asked, node).map(s -> s.path("Healthy").asBoolean()).orElse(false);
    }

    private static String serfStatus(AgentProcess asked, String node) throws Exception {
        return serverHealth(asked, node).map(s -> s.path("SerfStatus").asText()).orElse("");
    }

    /** A KV write through {@code asked} succeeds. */
    private static void write(AgentProcess asked, String key) throws Exception {
        HttpResponse<String> r = asked.put("/v1/kv/operator-it/" + key, "v");
        assertEquals(r.body(), "true", r.body());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
