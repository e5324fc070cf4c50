package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two datacenters on loopback, as issue 26 shows them: a server in dc1 with a client agent, a server in dc2 that
 * joins dc1's over the WAN pool. Any agent reads and writes the other datacenter with {@code ?dc=} and
 * {@code -datacenter} (blocking queries included), DNS answers the other datacenter's names, a prepared query fails
 * over to it when no local instance is healthy, and a datacenter whose servers died answers Consul's error at once.
 */
public class MultiDatacenterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    private final List<AgentProcess> agents = new ArrayList<>();

    @After
    public void stop() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    private AgentProcess start(AgentProcess agent) throws Exception {
        agents.add(agent);
        return agent.start().awaitLeader(Duration.ofSeconds(180));
    }

    @Test
    public void twoDatacentersReadWriteResolveAndFailOverThroughEachOther() throws Exception {
        Path dir = tmp.newFolder("cairn-multi-dc-it").toPath();
        int dc1Wan = AgentProcess.freePort();
        AgentProcess dc1 = start(new AgentProcess("s1", dir.resolve("dc1-s1"), "-server", "-bootstrap-expect", "1",
                "-bind", "127.0.0.1", "-datacenter", "dc1", "-serf-wan-port", Integer.toString(dc1Wan)));
        AgentProcess dc2 = start(new AgentProcess("s1", dir.resolve("dc2-s1"), "-server", "-bootstrap-expect", "1",
                "-bind", "127.0.0.1", "-datacenter", "dc2", "-retry-join-wan", "127.0.0.1:" + dc1Wan));
        AgentProcess client = start(new AgentProcess("c1", dir.resolve("dc1-c1"), "-bind", "127.0.0.1",
                "-datacenter", "dc1", "-retry-join", "127.0.0.1:" + dc1.serfLanPort));

        // the WAN pool: both servers alive, named <node>.<dc>; both datacenters known to every agent
        Await.until("s1.dc2 alive in dc1's WAN pool", () -> wanLine(dc1, "s1.dc2").contains(" alive "));
        assertTrue(wanLine(dc1, "s1.dc1").contains(" alive "));
        Cli.Result datacenters = Cli.cairn(client.httpAddr(), "catalog", "datacenters");
        assertEquals(datacenters.stderr(), 0, datacenters.exitCode());
        assertEquals(List.of("dc1", "dc2"), datacenters.stdout().lines().sorted().toList());
        JsonNode coordinates = JSON.readTree(dc1.get("/v1/coordinate/datacenters").body());
        assertEquals(2, coordinates.size());

        // KV across datacenters, from the CLI through a client agent, and only there
        assertEquals(0, Cli.cairn(client.httpAddr(), "kv", "put", "-datacenter=dc2", "x", "1").exitCode());
        Cli.Result got = Cli.cairn(client.httpAddr(), "kv", "get", "-datacenter=dc2", "x");
        assertEquals(got.stderr(), "1", got.stdout().strip());
        assertEquals("1", dc2.get("/v1/kv/x?raw").body());
        assertEquals(404, dc1.get("/v1/kv/x").statusCode());

        // a blocking query on dc2 through dc1's client agent wakes on a write in dc2
        HttpResponse<String> first = client.get("/v1/kv/x?dc=dc2");
        String index = first.headers().firstValue("X-Consul-Index").orElseThrow();
        CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> Await.unchecked(
                () -> client.get("/v1/kv/x?dc=dc2&raw&wait=30s&index=" + index).body()));
        Thread.sleep(500);
        assertFalse("the blocking query waits for a change", blocked.isDone());
        dc2.put("/v1/kv/x", "2");
        assertEquals("2", blocked.get());

        // a service of dc2 over HTTP and DNS from dc1, through the server and through the client agent
        assertEquals(200, dc2.put("/v1/agent/service/register", "{\"Name\": \"web\", \"Port\": 8080}").statusCode());
        Await.until("web of dc2 passing, read from dc1", () -> JSON.readTree(client.get(
                "/v1/health/service/web?dc=dc2&passing").body()).size() == 1);
        JsonNode entry = JSON.readTree(client.get("/v1/health/service/web?dc=dc2&passing").body()).get(0);
        assertEquals("dc2", entry.get("Node").get("Datacenter").asText());
        for (AgentProcess asked : List.of(dc1, client)) {
            List<String> srv = Dig.run(asked.dnsPort, List.of("+short", "web.service.dc2.consul", "SRV")).lines()
                    .filter(l -> !l.isBlank()).toList();
            assertEquals(srv.toString(), 1, srv.size());
            assertTrue(srv.get(0), srv.get(0).endsWith(" 8080 s1.node.dc2.consul."));
        }
        assertEquals("127.0.0.1", Dig.run(dc1.dnsPort, List.of("+short", "s1.node.dc2.consul")).strip());
        assertEquals("", Dig.run(dc1.dnsPort, List.of("+short", "web.service.consul")).strip());

        // a prepared query fails over to dc2 while dc1's own instance is critical
        assertEquals(200, dc1.put("/v1/agent/service/register", "{\"Name\": \"web\", \"Port\": 9090, \"Check\": "
                + "{\"TTL\": \"10m\", \"Status\": \"critical\"}}").statusCode());
        HttpResponse<String> created = dc1.post("/v1/query", "{\"Name\": \"web-near\", \"Service\": {\"Service\": "
                + "\"web\", \"Failover\": {\"NearestN\": 1}}}");
        assertEquals(created.body(), 200, created.statusCode());
        JsonNode result = JSON.readTree(client.get("/v1/query/web-near/execute").body());
        assertEquals("dc2", result.get("Datacenter").asText());
        assertEquals(1, result.get("Failovers").asInt());
        assertEquals(8080, result.get("Nodes").get(0).get("Service").get("Port").asInt());
        String failedOver = Dig.run(dc1.dnsPort, List.of("+short", "web-near.query.consul", "SRV")).strip();
        assertTrue(failedOver, failedOver.endsWith(" 8080 s1.node.dc2.consul."));
        // the query stored in dc1, asked for from dc2's DNS, is executed in dc1 (which fails over to dc2)
        String remote = Dig.run(dc2.dnsPort, List.of("+short", "web-near.query.dc1.consul", "SRV")).strip();
        assertTrue(remote, remote.endsWith(" 8080 s1.node.dc2.consul."));

        // dc2's only server dies: an answer comes at once, never a hang, and soon it is Consul's "No path"
        dc2.kill();
        long killed = System.nanoTime();
        HttpResponse<String> refused = client.get("/v1/kv/x?dc=dc2");
        assertEquals(refused.body(), 500, refused.statusCode());
        assertTrue("answered within 5 s", System.nanoTime() - killed < Duration.ofSeconds(5).toNanos());
        Await.until("dc2's server failed in the WAN pool", () -> wanLine(dc1, "s1.dc2").contains(" failed "));
        HttpResponse<String> noPath = client.get("/v1/kv/x?dc=dc2");
        assertEquals(500, noPath.statusCode());
        assertEquals("No path to datacenter", noPath.body());
        assertEquals(500, client.get("/v1/kv/x?dc=nowhere").statusCode());
    }

    /** The line of {@code cairn members -wan} for {@code member}, {@code ""} if it is not listed. */
    private static String wanLine(AgentProcess agent, String member) throws Exception {
        return Cli.cairn(agent.httpAddr(), "members", "-wan").stdout().lines()
                .filter(l -> l.startsWith(member + " ")).findFirst().orElse("");
    }
}
