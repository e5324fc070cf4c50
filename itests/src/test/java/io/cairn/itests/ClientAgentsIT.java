package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;

/**
 * Three servers and two client agents on loopback, as issue 19 shows them: the clients find the servers through
 * gossip, serve the HTTP API and DNS on their own ports, register their services, and the cluster notices a
 * client that is killed, one that leaves, and one that is forced out.
 */
public class ClientAgentsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Issue 19's bound: a killed client's services leave DNS and ?passing within this. */
    private static final Duration DETECTION = Duration.ofSeconds(10);

    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-client-agents-it", "s1", "s2", "s3");
    private final List<AgentProcess> clients = new ArrayList<>();

    @After
    public void stopClients() throws InterruptedException {
        for (AgentProcess client : clients) {
            client.close();
        }
    }

    @Test
    public void clientAgentsJoinServeAndAreNoticedWhenTheyDieOrLeave() throws Exception {
        cluster.start();
        AgentProcess s1 = cluster.servers().get(0);
        AgentProcess web1 = client("web1", s1, "web", 8080);
        AgentProcess web2 = client("web2", s1, "web", 8081);

        // every agent sees all five members alive, servers first, with Consul's columns
        Await.until("five alive members", () -> Cli.cairn(s1.httpAddr(), "members").stdout()
                .lines().filter(l -> l.contains(" alive ")).count() == 5);
        Cli.Result members = Cli.cairn(web1.httpAddr(), "members");
        assertEquals(members.stderr(), 0, members.exitCode());
        List<String> lines = members.stdout().lines().toList();
        assertTrue(lines.get(0), lines.get(0).matches("Node +Address +Status +Type +Build +Protocol +DC +Partition +Segment"));
        assertTrue(members.stdout(), lines.get(1).matches("s1 +127\\.0\\.0\\.1:" + s1.serfLanPort
                + " +alive +server +\\S+ +2 +dc1 +default +<all>"));
        assertTrue(members.stdout(), members.stdout().lines().anyMatch(l -> l.matches(
                "web1 +127\\.0\\.0\\.1:" + web1.serfLanPort + " +alive +client +\\S+ +2 +dc1 +default +<default>")));

        // a client serves the whole API: a KV write through it is read on a server, a blocking query through it
        // wakes on a write through another agent
        assertEquals("true", web1.put("/v1/kv/clients/greeting", "hello").body());
        assertEquals("hello", s1.get("/v1/kv/clients/greeting?raw").body());
        HttpResponse<String> first = web2.get("/v1/kv/clients/greeting");
        String index = first.headers().firstValue("X-Consul-Index").orElseThrow();
        var blocked = java.util.concurrent.CompletableFuture.supplyAsync(() -> Await.unchecked(
                () -> web2.get("/v1/kv/clients/greeting?index=" + index + "&wait=30s").body()));
        Thread.sleep(500);
        assertFalse("the blocking query waits for a change", blocked.isDone());
        cluster.servers().get(1).put("/v1/kv/clients/greeting", "changed");
        assertTrue(blocked.get().contains("\"Value\":\"Y2hhbmdlZA==\""));

        // the clients' services are in the catalog, in a server's DNS and in the client's own DNS
        Await.until("web on both clients passing", () -> passingNodes(s1, "web").equals(List.of("web1", "web2")));
        Await.until("web in DNS", () -> dnsAddresses(s1, "web.service.consul").size() == 2);
        assertEquals(2, dnsAddresses(web1, "web.service.consul").size());
        // and the servers, as the consul service
        Await.until("consul.service.consul", () -> dnsAddresses(web1, "consul.service.consul").size() == 3);

        // a session of web2 (bound to its serfHealth) holds a lock
        String session = JSON.readTree(web2.put("/v1/session/create", "{\"LockDelay\": \"0s\"}").body())
                .get("ID").asText();
        assertEquals("true", web2.put("/v1/kv/clients/lock?acquire=" + session, "web2").body());

        // kill -9 web2: failed, serfHealth critical, gone from ?passing and DNS, its lock released
        web2.kill();
        long killed = System.nanoTime();
        Await.until("web2 out of ?passing", () -> passingNodes(s1, "web").equals(List.of("web1")));
        Await.until("web2 out of DNS", () -> dnsAddresses(s1, "web.service.consul").size() == 1);
        Duration detected = Duration.ofNanos(System.nanoTime() - killed);
        assertTrue("a killed client must be noticed within " + DETECTION + ", took " + detected,
                detected.compareTo(DETECTION) <= 0);
        Await.until("web2 failed", () -> memberStatus(s1, "web2").equals("failed"));
        JsonNode serfHealth = check(s1, "web2", "serfHealth");
        assertEquals("critical", serfHealth.get("Status").asText());
        assertEquals("Agent not live or unreachable", serfHealth.get("Output").asText());
        Await.until("the lock of the dead node's session is released",
                () -> !s1.get("/v1/kv/clients/lock").body().contains("\"Session\""));

        // force-leave moves the failed web2 to left, and -prune forgets it
        Cli.Result forced = Cli.cairn(s1.httpAddr(), "force-leave", "web2");
        assertEquals(forced.stderr(), 0, forced.exitCode());
        Await.until("web2 left", () -> memberStatus(s1, "web2").equals("left"));
        Await.until("web2 deregistered", () -> s1.get("/v1/catalog/node/web2").body().equals("null"));
        assertEquals(0, Cli.cairn(s1.httpAddr(), "force-leave", "-prune", "web2").exitCode());
        Await.until("web2 pruned", () -> memberStatus(s1, "web2").isEmpty());

        // user events fired on a client reach the servers' event lists
        assertEquals(200, web1.put("/v1/event/fire/deploy", "v2").statusCode());
        Await.until("the event on s3", () -> cluster.servers().get(2).get("/v1/event/list?name=deploy").body()
                .contains("\"Name\":\"deploy\""));

        // coordinates from the probes: every node has one, ?near sorts by them, rtt estimates
        for (String node : List.of("s1", "s2", "s3", "web1")) {
            Await.until("the coordinate of " + node, () -> s1.get("/v1/coordinate/nodes").body()
                    .contains("\"Node\":\"" + node + "\""));
        }
        // sorted by the estimated RTT from web1, as Consul sorts: Vivaldi distances, in which a node is not always
        // nearest to itself (its distance to itself is twice its height); retried while coordinates move
        Await.until("?near=_agent sorted by the RTT from web1", () -> sortedByRttFrom(web1, s1));
        Cli.Result rtt = Cli.cairn(web1.httpAddr(), "rtt", "s1");
        assertEquals(rtt.stderr(), 0, rtt.exitCode());
        assertTrue(rtt.stdout(), rtt.stdout().matches("(?s)Estimated s1 <-> web1 rtt: [0-9.]+ ms \\(using LAN coordinates\\)\\s*"));

        // kill -9 a server: it is failed, and the cluster and the clients go on
        AgentProcess s3 = cluster.servers().get(2);
        s3.kill();
        Await.until("s3 failed", () -> memberStatus(s1, "s3").equals("failed"));
        assertEquals("true", web1.put("/v1/kv/clients/after-server-loss", "ok").body());
        assertEquals("ok", web1.get("/v1/kv/clients/after-server-loss?raw").body());

        // a graceful leave: left, deregistered, and the agent exits
        Cli.Result left = Cli.cairn(web1.httpAddr(), "leave");
        assertEquals(left.stderr(), 0, left.exitCode());
        assertTrue(left.stdout(), left.stdout().contains("Graceful leave complete"));
        web1.awaitExit(Duration.ofSeconds(60));
        Await.until("web1 left", () -> memberStatus(s1, "web1").equals("left"));
        Await.until("web1 deregistered", () -> s1.get("/v1/catalog/node/web1").body().equals("null"));
    }

    private AgentProcess client(String node, AgentProcess join, String service, int port) throws Exception {
        Path dir = Files.createTempDirectory("cairn-client-" + node);
        Files.writeString(dir.resolve("service.json"), "{\"service\": {\"name\": \"" + service
                + "\", \"port\": " + port + "}}");
        AgentProcess client = new AgentProcess(node, dir.resolve("data"), "-bind", "127.0.0.1",
                "-retry-join", "127.0.0.1:" + join.serfLanPort, "-config-dir", dir.toString());
        clients.add(client);
        return client.start().awaitLeader(Duration.ofSeconds(120));
    }

    private static List<String> passingNodes(AgentProcess agent, String service) throws Exception {
        List<String> nodes = new ArrayList<>();
        JSON.readTree(agent.get("/v1/health/service/" + service + "?passing").body())
                .forEach(entry -> nodes.add(entry.get("Node").get("Node").asText()));
        nodes.sort(null);
        return nodes;
    }

    private static List<String> dnsAddresses(AgentProcess agent, String name) throws Exception {
        return Dig.run(agent.dnsPort, List.of("+short", name)).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The member's status as {@code /v1/agent/members} gives it, {@code ""} if it is not listed. */
    private static String memberStatus(AgentProcess agent, String node) throws Exception {
        for (JsonNode member : JSON.readTree(agent.get("/v1/agent/members").body())) {
            if (member.get("Name").asText().equals(node)) {
                return switch (member.get("Status").asInt()) {
                    case 1 -> "alive";
                    case 2 -> "leaving";
                    case 3 -> "left";
                    case 4 -> "failed";
                    default -> "none";
                };
            }
        }
        return "";
    }

    /** Whether {@code client}'s {@code ?near=_agent} node list is in the order of the RTT {@code server} estimates. */
    private static boolean sortedByRttFrom(AgentProcess client, AgentProcess server) throws Exception {
        JsonNode coordinates = JSON.readTree(server.get("/v1/coordinate/nodes").body());
        JsonNode near = JSON.readTree(client.get("/v1/catalog/nodes?near=_agent").body());
        JsonNode from = null;
        for (JsonNode c : coordinates) {
            if (c.get("Node").asText().equals(client.node)) {
                from = c.get("Coord");
            }
        }
        double previous = -1;
        for (JsonNode node : near) {
            JsonNode to = null;
            for (JsonNode c : coordinates) {
                if (c.get("Node").asText().equals(node.get("Node").asText())) {
                    to = c.get("Coord");
                }
            }
            double rtt = estimatedRtt(from, to);
            if (rtt < previous) {
                return false;
            }
            previous = rtt;
        }
        return true;
    }

    /** Serf's Vivaldi distance, as Consul's {@code consul rtt} computes it. */
    private static double estimatedRtt(JsonNode a, JsonNode b) {
        double sum = 0;
        for (int i = 0; i < a.get("Vec").size(); i++) {
            double d = a.get("Vec").get(i).asDouble() - b.get("Vec").get(i).asDouble();
            sum += d * d;
        }
        double raw = Math.sqrt(sum) + a.get("Height").asDouble() + b.get("Height").asDouble();
        double adjusted = raw + a.get("Adjustment").asDouble() + b.get("Adjustment").asDouble();
        return adjusted > 0 ? adjusted : raw;
    }

    private static JsonNode check(AgentProcess agent, String node, String checkId) throws Exception {
        for (JsonNode check : JSON.readTree(agent.get("/v1/health/node/" + node).body())) {
            if (check.get("CheckID").asText().equals(checkId)) {
                return check;
            }
        }
        throw new AssertionError("no check " + checkId + " on " + node);
    }
}
