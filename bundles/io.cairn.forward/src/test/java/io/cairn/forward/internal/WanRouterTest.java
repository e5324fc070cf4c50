package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.forward.internal.FakeServer.Received;
import io.cairn.forward.internal.FakeServer.Reply;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.query.api.QueryResult;
import io.cairn.raft.api.Consistency;

/** A server's requests to other datacenters, against servers of those datacenters standing in on loopback. */
class WanRouterTest {
    private final List<Member> wan = new ArrayList<>();
    private final List<FakeServer> servers = new ArrayList<>();
    private final WanRouter router = new WanRouter(new WanRouter.Datacenters("dc1", () -> List.copyOf(wan),
            () -> List.of("dc1", "dc2")), () -> "", HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(), false, 16, 1 << 20);

    @AfterEach
    void stop() {
        router.deactivate();
        servers.forEach(FakeServer::close);
    }

    private FakeServer server(String name, String datacenter, MemberStatus status) throws Exception {
        FakeServer server = new FakeServer();
        servers.add(server);
        wan.add(server.member(name, datacenter, status));
        return server;
    }

    private static Response answer(CompletableFuture<Response> pending) {
        return pending.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static HttpException failure(CompletableFuture<Response> pending) {
        CompletionException e = assertThrows(CompletionException.class, () -> answer(pending));
        return assertInstanceOf(HttpException.class, e.getCause());
    }

    @Test
    void aRequestGoesAsItCameToAServerOfItsDatacenterAndItsAnswerComesBack() throws Exception {
        FakeServer dc1 = server("s1.dc1", "dc1", MemberStatus.ALIVE).answering(Reply.json("[\"dc1\"]", 5));
        FakeServer dc2 = server("s1.dc2", "dc2", MemberStatus.ALIVE).answering(Reply.json("[\"dc2\"]", 42));

        Response response = answer(router.forward("dc2", new FakeRequest().method("GET").rawPath("/v1/kv/a%2Fb")
                .query("dc=dc2", "recurse", "index=3", "wait=1s").header("X-Consul-Token", "secret")));

        assertEquals(200, response.status());
        assertEquals("[\"dc2\"]", new String(response.rawBody(), StandardCharsets.UTF_8));
        assertEquals("42", response.headers().get("X-Consul-Index"));
        Received received = dc2.next();
        assertEquals("/v1/kv/a%2Fb", received.rawPath());
        assertEquals("dc=dc2&recurse&index=3&wait=1s", received.rawQuery());
        assertEquals("secret", received.headers().getFirst("X-Consul-Token"));
        assertTrue(dc1.nothingReceived());
    }

    @Test
    void aWriteTakesItsBodyAlong() throws Exception {
        FakeServer dc2 = server("s1.dc2", "dc2", MemberStatus.ALIVE).answering(Reply.json("true", 9));
        answer(router.forward("dc2", new FakeRequest().method("PUT").rawPath("/v1/kv/x").query("dc=dc2")
                .body("1")));
        Received received = dc2.next();
        assertEquals("PUT", received.method());
        assertEquals("1", received.text());
    }

    @Test
    void aDatacenterWithoutAnAliveServerHasNoPath() throws Exception {
        FakeServer failed = server("s1.dc3", "dc3", MemberStatus.FAILED).answering(Reply.json("[]", 1));

        for (String dc : List.of("dc3", "nowhere")) {
            HttpException e = failure(router.forward(dc, new FakeRequest().method("GET").rawPath("/v1/kv/a")
                    .query("dc=" + dc)));
            assertEquals(500, e.status());
            assertEquals("No path to datacenter", e.getMessage());
        }
        assertTrue(failed.nothingReceived());
    }

    @Test
    void anotherDatacentersCatalogReadsThroughOneOfItsServers() throws Exception {
        FakeServer dc2 = server("s1.dc2", "dc2", MemberStatus.ALIVE).answering(Reply.json("[]", 7));

        assertTrue(router.catalog("dc1").isEmpty(), "this datacenter's catalog is not a remote one");
        assertTrue(router.catalog("dc9").isEmpty());
        Catalog catalog = router.catalog("dc2").orElseThrow();
        assertEquals("dc2", catalog.datacenter());
        assertEquals(7, catalog.service("web", ServiceQuery.ALL, Consistency.STALE).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).index());
        Received received = dc2.next();
        assertEquals("/v1/health/service/web", received.rawPath());
        assertTrue(received.rawQuery().startsWith("dc=dc2&stale"), received.rawQuery());
        assertEquals(List.of("dc1", "dc2"), router.byDistance());
    }

    @Test
    void aQueryStoredInAnotherDatacenterIsExecutedThere() throws Exception {
        FakeServer dc2 = server("s1.dc2", "dc2", MemberStatus.ALIVE).answering(request -> CompletableFuture
                .completedFuture(request.rawPath().equals("/v1/query/db/execute") ? Reply.json("{\"Service\":\"db\","
                        + "\"Nodes\":[{\"Node\":{\"Node\":\"n2\",\"Address\":\"10.0.0.2\",\"Datacenter\":\"dc2\"},"
                        + "\"Service\":{\"ID\":\"db\",\"Service\":\"db\",\"Port\":5432},\"Checks\":[]}],"
                        + "\"DNS\":{\"TTL\":\"10s\"},\"Datacenter\":\"dc2\",\"Failovers\":0}", 12)
                        : Reply.text(404, "Query not found")));

        QueryResult result = router.execute("dc2", "db", 3).toCompletableFuture().get(30, TimeUnit.SECONDS)
                .orElseThrow();
        assertEquals("dc2", result.datacenter());
        assertEquals("10s", result.dns().ttl());
        assertEquals(12, result.index());
        assertEquals(5432, result.nodes().get(0).service().port());
        assertEquals("dc=dc2&limit=3", dc2.next().rawQuery());
        assertTrue(router.execute("dc2", "nope", 0).toCompletableFuture().get(30, TimeUnit.SECONDS).isEmpty());
        assertTrue(router.execute("dc9", "db", 0).toCompletableFuture().get(30, TimeUnit.SECONDS).isEmpty());
    }
}
