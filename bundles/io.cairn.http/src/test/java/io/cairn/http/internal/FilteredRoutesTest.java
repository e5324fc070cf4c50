package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.filter.ConsulShapes;
import io.cairn.http.api.Answer;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/** {@code ?filter=} on routes that declare the shape of their elements, through the real server. */
class FilteredRoutesTest {
    private static final String FAILED = "Failed to create boolean expression evaluator";

    private final FakeRaft raft = new FakeRaft();
    private final AtomicInteger answered = new AtomicInteger();
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    FilteredRoutesTest() throws Exception {
        StateQuery nodes = new StateQuery() {
            @Override
            public Watch watch(Request request) {
                return new Watch("catalog", "");
            }

            @Override
            public Answer answer(Request request, StateView state) {
                answered.incrementAndGet();
                return new Answer(state.index("catalog", ""), Response.json(List.of(
                        node("web1", "r1"), node("web2", "r3"), node("db1", "r2"))));
            }
        };
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("web", Map.of("ID", "web", "Service", "web", "Meta", Map.of("env", "prod")));
        services.put("db", Map.of("ID", "db", "Service", "db", "Meta", Map.of("env", "test")));
        RouteCollector table = new RouteCollector("dc1");
        table.read("/v1/catalog/nodes", ConsulShapes.NODE, nodes)
                .read("/v1/unfiltered", nodes)
                .get("/v1/agent/services", ConsulShapes.AGENT_SERVICE,
                        r -> CompletableFuture.completedFuture(Response.json(services).header("X-Test", "kept")))
                .get("/v1/agent/service", ConsulShapes.AGENT_SERVICE,
                        r -> CompletableFuture.completedFuture(Response.text(404, "unknown service ID: x")));
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()));
        server.start();
        raft.write("catalog", 7);
    }

    private static Map<String, Object> node(String name, String rack) {
        return Map.of("Node", name, "Meta", Map.of("rack", rack));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CompletableFuture<HttpResponse<String>> get(String path, String filter, String... query) {
        StringBuilder uri = new StringBuilder(path).append("?filter=")
                .append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
        for (String term : query) {
            uri.append('&').append(term);
        }
        return client.sendAsync(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + uri)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> now(String path, String filter, String... query) throws Exception {
        return get(path, filter, query).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anArrayKeepsTheElementsThatMatch() throws Exception {
        HttpResponse<String> r = now("/v1/catalog/nodes", "Meta.rack matches \"r[12]\"");
        assertEquals(200, r.statusCode());
        assertEquals(List.of("web1", "db1"), names(r.body()));
        assertEquals("7", r.headers().firstValue("X-Consul-Index").orElseThrow());
        assertEquals("[]", now("/v1/catalog/nodes", "Node == \"nope\"").body());
    }

    @Test
    void anObjectKeepsTheValuesThatMatchAndTheHeaders() throws Exception {
        HttpResponse<String> r = now("/v1/agent/services", "Meta.env == \"prod\"");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"web\":{"), r.body());
        assertFalse(r.body().contains("db"), r.body());
        assertEquals("kept", r.headers().firstValue("X-Test").orElseThrow());
    }

    @Test
    void anEmptyFilterAndARouteWithoutAShapeAnswerEverything() throws Exception {
        assertEquals(3, count(now("/v1/catalog/nodes", "").body()));
        assertEquals(3, count(now("/v1/unfiltered", "this is not parsed").body()));
    }

    @Test
    void aBadExpressionOrUnknownSelectorIs400BeforeAnyWait() throws Exception {
        HttpResponse<String> bad = now("/v1/catalog/nodes", "bad ===", "index=7", "wait=5m");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith(FAILED), bad.body());
        HttpResponse<String> unknown = now("/v1/agent/services", "Nope == \"x\"");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().startsWith(FAILED), unknown.body());
        assertTrue(raft.pendingWaits().isEmpty());
        assertEquals(0, answered.get());
    }

    @Test
    void anAnswerThatIsNotAListOrMapIsSentAsItIs() throws Exception {
        HttpResponse<String> r = now("/v1/agent/service", "ID == \"x\"");
        assertEquals(404, r.statusCode());
        assertEquals("unknown service ID: x", r.body());
    }

    @Test
    void aBlockingQueryWakesOnAnyChangeAndReportsTheUnfilteredIndex() throws Exception {
        CompletableFuture<HttpResponse<String>> held = get("/v1/catalog/nodes", "Node == \"nope\"", "index=7",
                "wait=5m");
        while (raft.pendingWaits().isEmpty()) {
            Thread.onSpinWait();
        }
        assertFalse(held.isDone());
        raft.write("catalog", 9);
        HttpResponse<String> r = held.get(30, TimeUnit.SECONDS);
        assertEquals("[]", r.body());
        assertEquals("9", r.headers().firstValue("X-Consul-Index").orElseThrow());
    }

    private static int count(String array) throws Exception {
        return names(array).size();
    }

    private static List<String> names(String array) throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(array).forEach(node -> names.add(node.get("Node").asText()));
        return names;
    }
}
