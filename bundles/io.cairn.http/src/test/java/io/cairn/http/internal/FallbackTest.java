package io.cairn.http.internal;

import static io.cairn.http.internal.RawClient.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.FallbackHandler;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/**
 * The real server with a {@link FallbackHandler}: it gets the {@code /v1} requests no route serves, as sent, once
 * the agent has started, and its answer goes back as it gave it.
 */
class FallbackTest {
    private final Router router = new Router();
    private final AtomicReference<Request> received = new AtomicReference<>();
    private final CompletableFuture<Response> pending = new CompletableFuture<>();
    private volatile boolean started = true;
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    FallbackTest() throws Exception {
        RouteCollector local = new RouteCollector("dc1");
        local.get("/v1/agent/self", r -> CompletableFuture.completedFuture(Response.json(List.of("local"))));
        router.add("local", local.routes());
        router.fallback(new FallbackHandler() {
            @Override
            public int maxBodyBytes() {
                return 10;
            }

            @Override
            public CompletionStage<Response> handle(Request request) {
                received.set(request);
                if (request.path().equals("/v1/pending")) {
                    return pending;
                }
                return CompletableFuture.completedFuture(Response.raw(409, "[1]".getBytes(StandardCharsets.UTF_8),
                        "application/json").header("X-Consul-Index", "42"));
            }
        });
        server = new ApiServer("127.0.0.1", 0, router, FakeRaft::new, () -> started,
                new HttpMetrics(new SimpleMeterRegistry()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("X-Consul-Token", "secret").header("Content-Type", "application/json").build(),
                BodyHandlers.ofString());
    }

    @Test
    void getsTheRequestAsSentAndItsAnswerGoesBackAsGiven() throws Exception {
        HttpResponse<String> r = send("PUT", "/v1/kv/a%2Fb%20c?cas=0&flags=%2B1", "{\"a\":1}");
        assertEquals(409, r.statusCode());
        assertEquals("[1]", r.body());
        assertEquals("42", r.headers().firstValue("X-Consul-Index").orElseThrow());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        Request request = received.get();
        assertEquals("PUT", request.method());
        assertEquals("/v1/kv/a%2Fb%20c", request.rawPath());
        assertEquals("/v1/kv/a/b c", request.path());
        assertEquals("", request.argument());
        assertEquals("cas=0&flags=%2B1", request.rawQuery());
        assertEquals(List.of("secret"), request.headers().get("x-consul-token"));
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), request.body());
    }

    @Test
    void localRoutesAndPathsOutsideV1AreNotItsBusiness() throws Exception {
        assertEquals("[\"local\"]", send("GET", "/v1/agent/self", null).body());
        assertEquals(405, send("PUT", "/v1/agent/self", null).statusCode(), "a local path keeps its 405");
        assertEquals(404, send("GET", "/ui/index.html", null).statusCode());
        assertEquals(null, received.get());
    }

    @Test
    void aBodyOverItsLimitIs413() throws Exception {
        HttpResponse<String> r = send("PUT", "/v1/kv/a", "x".repeat(11));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("max size: 10 bytes"), r.body());
        assertEquals(null, received.get());
    }

    @Test
    void whileStartingItsPathsAreARetryable503() throws Exception {
        started = false;
        HttpResponse<String> r = send("GET", "/v1/catalog/nodes", null);
        assertEquals(503, r.statusCode());
        assertEquals(Dispatcher.STARTING, r.body());
        assertEquals(null, received.get());
    }

    @Test
    void aClientHangingUpCancelsItsStage() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send("GET /v1/pending HTTP/1.1\r\nHost: localhost\r\n\r\n");
            waitUntil(() -> received.get() != null);
        }
        waitUntil(pending::isCancelled);
    }
}
