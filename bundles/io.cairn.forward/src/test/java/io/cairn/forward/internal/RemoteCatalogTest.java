package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.agent.api.Member;
import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.api.Weights;
import io.cairn.forward.internal.FakeServer.Reply;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;

/** The servers' catalog through a Cairn server standing in on loopback, in the shapes its endpoints answer. */
class RemoteCatalogTest {
    private static final String NODE = "{\"ID\":\"40e4a748-2192-161a-0510-9bf59fe950b5\",\"Node\":\"web1\","
            + "\"Address\":\"127.0.0.2\",\"Datacenter\":\"dc1\",\"TaggedAddresses\":{\"lan\":\"127.0.0.2\"},"
            + "\"Meta\":{\"rack\":\"r1\"},\"CreateIndex\":5,\"ModifyIndex\":6}";
    private static final String SERVICE = "{\"ID\":\"web-1\",\"Service\":\"web\",\"Tags\":[\"v1\",\"blue\"],"
            + "\"Address\":\"\",\"TaggedAddresses\":{\"lan_ipv4\":{\"Address\":\"127.0.0.2\",\"Port\":80}},"
            + "\"Meta\":{\"version\":\"1\"},\"Port\":80,\"Weights\":{\"Passing\":3,\"Warning\":1},"
            + "\"EnableTagOverride\":false,\"CreateIndex\":7,\"ModifyIndex\":8}";
    private static final String SERF_CHECK = "{\"Node\":\"web1\",\"CheckID\":\"serfHealth\","
            + "\"Name\":\"Serf Health Status\",\"Status\":\"passing\",\"Notes\":\"\","
            + "\"Output\":\"Agent alive and reachable\",\"ServiceID\":\"\",\"ServiceName\":\"\",\"ServiceTags\":[],"
            + "\"Type\":\"\",\"Interval\":\"\",\"Timeout\":\"\",\"ExposedPort\":0,\"Definition\":{},"
            + "\"CreateIndex\":5,\"ModifyIndex\":5}";
    private static final String WEB_CHECK = "{\"Node\":\"web1\",\"CheckID\":\"service:web-1\",\"Name\":\"web\","
            + "\"Status\":\"warning\",\"Notes\":\"\",\"Output\":\"slow\",\"ServiceID\":\"web-1\","
            + "\"ServiceName\":\"web\",\"ServiceTags\":[\"v1\",\"blue\"],\"Type\":\"http\",\"Interval\":\"10s\","
            + "\"Timeout\":\"1s\",\"ExposedPort\":0,\"Definition\":{\"HTTP\":\"http://127.0.0.2/health\","
            + "\"TLSSkipVerify\":true,\"Interval\":\"10s\",\"Timeout\":\"1s\"},\"CreateIndex\":9,\"ModifyIndex\":10}";

    private static final Node WEB1 = new Node("40e4a748-2192-161a-0510-9bf59fe950b5", "web1", "127.0.0.2", "dc1",
            Map.of("lan", "127.0.0.2"), Map.of("rack", "r1"), 5, 6);
    private static final NodeService WEB_1 = new NodeService("", "web-1", "web", List.of("v1", "blue"), "",
            Map.of("lan_ipv4", new ServiceAddress("127.0.0.2", 80)), Map.of("version", "1"), 80, new Weights(3, 1),
            false, 7, 8);
    private static final HealthCheck SERF = new HealthCheck("web1", "serfHealth", "Serf Health Status",
            CheckStatus.PASSING, "", "Agent alive and reachable", "", "", List.of(), "", null, 5, 5);
    private static final HealthCheck WEB = new HealthCheck("web1", "service:web-1", "web", CheckStatus.WARNING, "",
            "slow", "web-1", "web", List.of("v1", "blue"), "http", CheckDefinitions.of("http://127.0.0.2/health",
                    null, null, null, null, true, null, null, null, false, null, Duration.ofSeconds(10),
                    Duration.ofSeconds(1), null), 9, 10);

    private final List<Member> members = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final ServerPool pool = new ServerPool(() -> List.copyOf(members), "dc1", false, System::nanoTime,
            new SplittableRandom(3));
    private final RemoteCatalog catalog = new RemoteCatalog(new Upstream(pool, HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).build(), 16, 1024 * 1024), "dc1", () -> "");

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private FakeServer server() throws Exception {
        FakeServer server = new FakeServer();
        servers.add(server);
        members.add(server.member("s1"));
        return server;
    }

    private static <T> T get(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        return assertThrows(CompletionException.class, () -> get(stage)).getCause();
    }

    @Test
    void readsNodesWithTheConsistencyModeAndNodeMeta() throws Exception {
        FakeServer server = server().answering(Reply.json("[" + NODE + "]", 12));

        Indexed<List<Node>> nodes = get(catalog.nodes(Map.of("rack", "r1"), Consistency.STALE));

        assertEquals(new Indexed<>(List.of(WEB1), 12), nodes);
        FakeServer.Received request = server.next();
        assertEquals("/v1/catalog/nodes", request.rawPath());
        assertEquals("stale&node-meta=rack%3Ar1", request.rawQuery());
    }

    @Test
    void readsServiceEntriesWithTheirChecksThroughHealthService() throws Exception {
        FakeServer server = server().answering(Reply.json("[{\"Node\":" + NODE + ",\"Service\":" + SERVICE
                + ",\"Checks\":[" + SERF_CHECK + "," + WEB_CHECK + "]}]", 14));

        Indexed<List<ServiceEntry>> entries = get(catalog.service("web app", new ServiceQuery(List.of("v1"),
                Map.of("rack", "r1"), true), Consistency.CONSISTENT));

        assertEquals(new Indexed<>(List.of(new ServiceEntry(WEB1, WEB_1, List.of(SERF, WEB))), 14), entries);
        FakeServer.Received request = server.next();
        assertEquals("/v1/health/service/web%20app", request.rawPath());
        assertEquals("consistent&node-meta=rack%3Ar1&tag=v1&passing", request.rawQuery());
    }

    @Test
    void readsANodeWithItsServicesOrItsAbsence() throws Exception {
        String other = SERVICE.replace("\"web-1\"", "\"api\"");
        FakeServer server = server().answering(Reply.json("{\"Node\":" + NODE + ",\"Services\":{\"web-1\":"
                + SERVICE + ",\"api\":" + other + "}}", 15));

        NodeServices node = get(catalog.node("web1", Consistency.DEFAULT)).value().orElseThrow();

        assertEquals(WEB1, node.node());
        assertEquals(List.of("api", "web-1"), node.services().stream().map(NodeService::id).toList());
        assertEquals("/v1/catalog/node/web1", server.next().rawPath());
        server.answering(Reply.json("null", 15));
        assertEquals(new Indexed<>(Optional.empty(), 15), get(catalog.node("gone", Consistency.DEFAULT)));
    }

    @Test
    void readsChecksAndServices() throws Exception {
        FakeServer server = server().answering(Reply.json("[" + WEB_CHECK + "]", 16));

        assertEquals(List.of(WEB), get(catalog.nodeChecks("web1", Consistency.DEFAULT)).value());
        assertEquals("/v1/health/node/web1", server.next().rawPath());
        assertEquals(List.of(WEB), get(catalog.serviceChecks("web", Map.of(), Consistency.DEFAULT)).value());
        assertEquals("/v1/health/checks/web", server.next().rawPath());
        get(catalog.checks(Optional.of(CheckStatus.WARNING), Map.of("rack", "r1"), Consistency.DEFAULT));
        FakeServer.Received state = server.next();
        assertEquals("/v1/health/state/warning", state.rawPath());
        assertEquals("node-meta=rack%3Ar1", state.rawQuery());
        get(catalog.checks(Optional.empty(), Map.of(), Consistency.DEFAULT));
        assertEquals("/v1/health/state/any", server.next().rawPath());
        server.answering(Reply.json("{\"consul\":[],\"web\":[\"blue\",\"v1\"]}", 17));
        assertEquals(new Indexed<>(Map.of("consul", List.of(), "web", List.of("blue", "v1")), 17),
                get(catalog.services(Map.of(), Consistency.DEFAULT)));
        assertEquals("/v1/catalog/services", server.next().rawPath());
    }

    @Test
    void registersWithConsulsRequestBody() throws Exception {
        FakeServer server = server().answering(Reply.json("true", 20));
        HealthCheck ttl = new HealthCheck("web1", "web-ttl", "ttl", null, "", "", "web-1", "", List.of(), "ttl",
                null, 0, 0);
        Registration registration = new Registration("40e4a748-2192-161a-0510-9bf59fe950b5", "web1", "127.0.0.2",
                Map.of("lan", "127.0.0.2"), Map.of("rack", "r1"), WEB_1, List.of(WEB, ttl), false);

        get(catalog.register(registration));

        FakeServer.Received request = server.next();
        assertEquals("PUT", request.method());
        assertEquals("/v1/catalog/register", request.rawPath());
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertEquals("web1", body.get("Node").asText());
        assertEquals("127.0.0.2", body.get("Address").asText());
        assertEquals("r1", body.get("NodeMeta").get("rack").asText());
        assertEquals("web-1", body.get("Service").get("ID").asText());
        assertEquals(80, body.get("Service").get("TaggedAddresses").get("lan_ipv4").get("Port").asInt());
        assertEquals(3, body.get("Service").get("Weights").get("Passing").asInt());
        JsonNode check = body.get("Checks").get(0);
        assertEquals("warning", check.get("Status").asText());
        assertEquals("10s", check.get("Definition").get("Interval").asText());
        assertTrue(check.get("Definition").get("TLSSkipVerify").asBoolean());
        assertFalse(check.get("Definition").has("TCP"), "only what is set, as Consul writes definitions");
        assertEquals("{\"HTTP\":\"http://127.0.0.2/health\",\"TLSSkipVerify\":true,\"Interval\":\"10s\","
                + "\"Timeout\":\"1s\"}", check.get("Definition").toString());
        assertFalse(body.get("Checks").get(1).has("Status"), "no status: the catalog makes it critical");

        get(catalog.deregister(new Deregistration("web1", "web-1", "")));
        JsonNode deregister = new ObjectMapper().readTree(server.next().body());
        assertEquals("web1", deregister.get("Node").asText());
        assertEquals("web-1", deregister.get("ServiceID").asText());
        assertFalse(deregister.has("CheckID"));
    }

    @Test
    void refusalsBecomeTheFailuresTheCatalogContractNames() throws Exception {
        FakeServer server = server();
        Registration node = new Registration("", "web1", "127.0.0.2", null, null, null, null, false);

        server.answering(Reply.text(400, "Missing node name"));
        assertEquals("Missing node name",
                assertInstanceOf(IllegalArgumentException.class, failure(catalog.register(node))).getMessage());
        server.answering(Reply.text(500, "Missing service registration"));
        assertEquals("Missing service registration",
                assertInstanceOf(CommandRejectedException.class, failure(catalog.register(node))).getMessage());
        server.answering(Reply.text(500, "No cluster leader"));
        assertInstanceOf(NoLeaderException.class, failure(catalog.register(node)));
        assertInstanceOf(NoLeaderException.class, failure(catalog.nodes(Map.of(), Consistency.DEFAULT)));
        server.answering(Reply.text(500, "No path to datacenter"));
        assertInstanceOf(IllegalStateException.class, failure(catalog.nodes(Map.of(), Consistency.DEFAULT)));
        server.answering(Reply.json("{\"not\":\"a list\"}", 3));
        assertInstanceOf(IllegalStateException.class, failure(catalog.nodes(Map.of(), Consistency.DEFAULT)));
    }

    @Test
    void withoutAServerNoLeaderIsReachable() {
        Throwable failure = failure(catalog.nodes(Map.of(), Consistency.DEFAULT));
        assertInstanceOf(NoLeaderException.class, failure);
        assertEquals("No known Consul servers", failure.getCause().getMessage());
    }

    @Test
    void awaitChangeBlocksOnTheServerUntilTheIndexMoves() throws Exception {
        CompletableFuture<Reply> unchanged = new CompletableFuture<>();
        CompletableFuture<Reply> changed = new CompletableFuture<>();
        List<CompletableFuture<Reply>> answers = new ArrayList<>(List.of(unchanged, changed));
        FakeServer server = server().answering(request -> answers.remove(0));

        CompletableFuture<Long> change = catalog.awaitChange(11);

        FakeServer.Received first = server.next();
        assertEquals(RemoteCatalog.CHANGES, first.rawPath());
        assertEquals("index=11&wait=300s", first.rawQuery());
        unchanged.complete(Reply.json("{}", 11));
        assertEquals("index=11&wait=300s", server.next().rawQuery(), "the wait ran out: it asks again");
        assertFalse(change.isDone());
        changed.complete(Reply.json("{}", 12));
        assertEquals(12L, change.orTimeout(30, TimeUnit.SECONDS).join());
    }

    @Test
    void cancellingAwaitChangeAbortsTheBlockingQuery() throws Exception {
        RawServer server = new RawServer(false);
        servers.add(server);
        members.add(server.member("s1"));

        CompletableFuture<Long> change = catalog.awaitChange(11);
        assertTrue(server.awaitRequest());
        change.cancel(false);

        assertTrue(server.awaitHangup());
    }
}
