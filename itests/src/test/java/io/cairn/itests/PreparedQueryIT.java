package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Prepared queries on a dev agent: services registered over HTTP, a plain query and a template query created,
 * executed over HTTP and answered over DNS ({@code dig} A and SRV on {@code <name>.query.consul}), explained,
 * updated and deleted, after which the name is NXDOMAIN.
 */
public class PreparedQueryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AgentProcess agent;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-query-it");
        agent = new AgentProcess("querynode", dir.resolve("data"), "-dev").start()
                .awaitLeader(Duration.ofSeconds(120));
        register("db-1", "10.1.0.1", "db", "[\"primary\"]", "passing");
        register("db-2", "10.1.0.2", "db", "[\"replica\"]", "passing");
        register("db-3", "10.1.0.3", "db", "[\"replica\"]", "critical");
        register("cache-1", "10.2.0.1", "cache-eu", "[]", "passing");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static void register(String node, String address, String service, String tags, String status)
            throws Exception {
        String body = """
                {"Node": "%s", "Address": "%s",
                 "Service": {"Service": "%s", "Port": 5432, "Tags": %s},
                 "Check": {"CheckID": "svc", "Name": "svc", "Status": "%s", "ServiceID": "%s"}}
                """.formatted(node, address, service, tags, status, service);
        var response = agent.put("/v1/catalog/register", body);
        assertEquals(response.body(), 200, response.statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + path))
                .timeout(Duration.ofSeconds(30)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static String dig(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("+time=2", "+tries=1"));
        all.addAll(List.of(args));
        return Dig.run(agent.dnsPort, all);
    }

    /** Waits until the answer section of {@code dig name type} contains {@code expected}. */
    private static String awaitDig(String name, String type, String expected) throws Exception {
        return awaitDigOutput(expected, "+noall", "+answer", name, type);
    }

    /** Waits until {@code dig args} prints something containing {@code expected}. */
    private static String awaitDigOutput(String expected, String... args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = dig(args);
            if (last.contains(expected)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("dig " + List.of(args) + " did not print " + expected + "; last output:\n" + last
                + "\n" + agent.tail());
    }

    @Test
    public void plainQueryLifecycleOverHttpAndDns() throws Exception {
        JsonNode created = json(send("POST", "/v1/query",
                "{\"Name\": \"db-replicas\", \"Service\": {\"Service\": \"db\", \"Tags\": [\"replica\"]},"
                        + " \"DNS\": {\"TTL\": \"7s\"}}"));
        String id = created.get("ID").asText();

        HttpResponse<String> listed = send("GET", "/v1/query", null);
        assertTrue(listed.headers().firstValue("X-Consul-Index").isPresent());
        assertTrue(listed.body(), json(listed).toString().contains(id));
        JsonNode got = json(send("GET", "/v1/query/" + id, null)).get(0);
        assertEquals("db-replicas", got.get("Name").asText());
        assertEquals("db", got.get("Service").get("Service").asText());

        JsonNode executed = json(send("GET", "/v1/query/db-replicas/execute", null));
        assertEquals("db", executed.get("Service").asText());
        assertEquals("dc1", executed.get("Datacenter").asText());
        assertEquals(1, executed.get("Nodes").size());
        assertEquals("db-2", executed.get("Nodes").get(0).get("Node").get("Node").asText());
        assertEquals("7s", executed.get("DNS").get("TTL").asText());

        String a = awaitDig("db-replicas.query.consul", "A", "10.1.0.2");
        assertTrue(a, a.contains("\t7\tIN\tA") || a.matches("(?s).*\\s7\\s+IN\\s+A\\s.*"));
        assertTrue(a, !a.contains("10.1.0.3"));
        String srv = awaitDig("_db-replicas._tcp.query.consul", "SRV", "5432");
        assertTrue(srv, srv.contains("db-2.node.dc1.consul."));

        assertEquals(200, send("PUT", "/v1/query/" + id,
                "{\"Name\": \"db-replicas\", \"Service\": {\"Service\": \"db\", \"Tags\": [\"!replica\"]}}")
                .statusCode());
        awaitDig("db-replicas.query.consul", "A", "10.1.0.1");

        assertEquals(200, send("DELETE", "/v1/query/" + id, null).statusCode());
        assertEquals(404, send("GET", "/v1/query/db-replicas/execute", null).statusCode());
        awaitDigOutput("status: NXDOMAIN", "db-replicas.query.consul", "A");
    }

    @Test
    public void templateQueryRendersTheName() throws Exception {
        json(send("POST", "/v1/query", "{\"Name\": \"cache-\", \"Template\": {\"Type\": \"name_prefix_match\","
                + " \"Regexp\": \"^cache-(.+)$\"}, \"Service\": {\"Service\": \"cache-${match(1)}\"}}"));
        JsonNode explained = json(send("GET", "/v1/query/cache-eu/explain", null));
        assertEquals("cache-eu", explained.get("Query").get("Service").get("Service").asText());
        JsonNode executed = json(send("GET", "/v1/query/cache-eu/execute", null));
        assertEquals("cache-1", executed.get("Nodes").get(0).get("Node").get("Node").asText());
        awaitDig("cache-eu.query.consul", "A", "10.2.0.1");

        HttpResponse<String> bad = send("POST", "/v1/query", "{\"Name\": \"x\", \"Template\": {\"Type\": \"nope\"},"
                + " \"Service\": {\"Service\": \"db\"}}");
        assertEquals(500, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("Bad Template.Type 'nope'"));
    }
}
