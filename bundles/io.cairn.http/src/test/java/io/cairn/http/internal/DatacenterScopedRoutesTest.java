package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/** {@code ?dc=} on the routes declared on the datacenter-scoped table, and on the others, through the real server. */
class DatacenterScopedRoutesTest {
    private final FakeRaft raft = new FakeRaft();
    private final AtomicInteger served = new AtomicInteger();
    private final Router router = new Router();
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    DatacenterScopedRoutesTest() throws Exception {
        StateQuery read = new StateQuery() {
            @Override
            public Watch watch(Request request) {
                served.incrementAndGet();
                return new Watch("kv", "");
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(state.index("kv", ""), Response.json(List.of()));
            }
        };
        LocalQuery local = new LocalQuery() {
            @Override
            public Answer answer(Request request) {
                served.incrementAndGet();
                return Answer.unordered(1, Response.json(List.of()));
            }

            @Override
            public long changeIndex() {
                return 0;
            }

            @Override
            public CompletableFuture<Long> awaitChange(long afterIndex) {
                return new CompletableFuture<>();
            }
        };
        RouteCollector table = new RouteCollector("dc1");
        table.get("/v1/agent/self", this::ok);
        table.datacenterScoped()
                .read("/v1/kv/", read)
                .put("/v1/kv/", this::ok)
                .localRead("/v1/event/list", local)
                .datacenterScoped()
                .get("/v1/status/leader", this::ok);
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()));
        server.start();
    }

    private CompletableFuture<Response> ok(Request request) {
        served.incrementAndGet();
        return CompletableFuture.completedFuture(Response.json(true));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(method, BodyPublishers.ofString("v")).build(), BodyHandlers.ofString());
    }

    @Test
    void anotherDatacenterIsConsulsNoPathBeforeTheRouteRuns() throws Exception {
        for (String[] request : new String[][] {{"GET", "/v1/kv/a"}, {"PUT", "/v1/kv/a"}, {"GET", "/v1/event/list"},
                {"GET", "/v1/status/leader"}}) {
            HttpResponse<String> r = send(request[0], request[1] + "?dc=nope");
            assertEquals(500, r.statusCode(), request[1]);
            assertEquals("No path to datacenter", r.body(), request[1]);
        }
        assertEquals(0, served.get());
    }

    @Test
    void thisDatacenterOrNoneIsServed() throws Exception {
        assertEquals(200, send("GET", "/v1/kv/a?dc=dc1").statusCode());
        assertEquals(200, send("GET", "/v1/kv/a?dc=").statusCode());
        assertEquals(200, send("PUT", "/v1/kv/a").statusCode());
        assertEquals(200, send("GET", "/v1/event/list?dc=dc1").statusCode());
        assertEquals(4, served.get());
    }

    @Test
    void aRouteThatTakesNoDcIgnoresIt() throws Exception {
        assertEquals(200, send("GET", "/v1/agent/self?dc=nope").statusCode());
    }

    @Test
    void anotherDatacenterGoesToTheRouterAsItCame() throws Exception {
        List<String> forwarded = new ArrayList<>();
        router.datacenters((dc, request) -> {
            forwarded.add(dc + " " + request.method() + " " + request.rawPath() + "?" + request.rawQuery() + " "
                    + request.headers().get("X-Consul-Token"));
            return CompletableFuture.completedFuture(Response.raw(200, ("[\"from " + dc + "\"]").getBytes(),
                    "application/json").header("X-Consul-Index", "42"));
        });
        HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/v1/kv/a%2Fb?dc=dc2&filter=not%20valid%20%3D%3D&index=3"))
                .header("X-Consul-Token", "secret").GET().build(), BodyHandlers.ofString());

        assertEquals(200, r.statusCode());
        assertEquals("[\"from dc2\"]", r.body());
        assertEquals("42", r.headers().firstValue("X-Consul-Index").orElseThrow());
        assertEquals(List.of("dc2 GET /v1/kv/a%2Fb?dc=dc2&filter=not%20valid%20%3D%3D&index=3 [secret]"), forwarded);
        assertEquals(0, served.get(), "nothing runs here, the filter is the other datacenter's to parse");
        assertEquals(200, send("GET", "/v1/kv/a?dc=dc1").statusCode());
        assertEquals(1, served.get());
    }

    @Test
    void aDatacenterTheRouterCannotReachIsConsulsNoPath() throws Exception {
        router.datacenters((dc, request) -> CompletableFuture.failedFuture(
                new HttpException(500, "No path to datacenter")));
        HttpResponse<String> r = send("PUT", "/v1/kv/a?dc=dc9");
        assertEquals(500, r.statusCode());
        assertEquals("No path to datacenter", r.body());
        assertEquals(0, served.get());
        DatacenterRouter gone = router.datacenters();
        router.removeDatacenters(gone);
        assertTrue(router.datacenters() == null);
        assertEquals("No path to datacenter", send("GET", "/v1/kv/a?dc=dc9").body());
    }
}
