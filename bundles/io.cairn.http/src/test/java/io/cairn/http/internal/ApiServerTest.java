package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

/** The real Jetty server on a free port, with a test endpoint service. */
class ApiServerTest {
    private final Router router = new Router();
    private final FakeRaft fakeRaft = new FakeRaft();
    private volatile RaftService raft = fakeRaft;
    private volatile boolean started = true;
    private final CompletableFuture<Response> pending = new CompletableFuture<>();
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    ApiServerTest() throws Exception {
        StateQuery kvRead = new StateQuery() {
            @Override
            public Watch watch(Request request) {
                return new Watch("kv", request.argument());
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(state.index("kv", ""), Response.json(Map.of("Key", request.argument())));
            }
        };
        RouteCollector table = new RouteCollector("dc1");
        table.read("/v1/kv/", kvRead)
                .put("/v1/kv/", r -> CompletableFuture.completedFuture(Response.json(r.body(Map.class))))
                .get("/v1/pending", r -> pending)
                .get("/v1/list", r -> CompletableFuture.completedFuture(Response.json(Map.of("Tags", List.of("a", "b"), "Meta", Map.of()))))
                .get("/v1/big", r -> CompletableFuture.completedFuture(Response.json("x".repeat(5000))))
                .get("/v1/fail", r -> {
                    throw new IllegalStateException("boom");
                })
                .get("/v1/missing", r -> CompletableFuture.failedFuture(HttpException.notFound("no such thing")))
                .localRead("/v1/local", new LocalQuery() {
                    @Override
                    public Answer answer(Request request) {
                        return Answer.unordered(42, Response.json(List.of("mine")));
                    }

                    @Override
                    public long changeIndex() {
                        return 0;
                    }

                    @Override
                    public CompletableFuture<Long> awaitChange(long afterIndex) {
                        return new CompletableFuture<>();
                    }
                });
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> started, new HttpMetrics(meters));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), BodyHandlers.ofString());
    }

    @Test
    void completesAsynchronouslyWhenTheHandlerDoes() throws Exception {
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/pending")).build(), BodyHandlers.ofString());
        // Other requests are served while that one is pending.
        assertEquals(200, send("GET", "/v1/list", null).statusCode());
        assertFalse(response.isDone());
        pending.complete(Response.json(List.of()));
        HttpResponse<String> r = response.get(30, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("[]", r.body());
        assertEquals("allow", r.headers().firstValue("X-Consul-Default-ACL-Policy").orElseThrow());
    }

    @Test
    void blockingReadWakesOnChangeWithIndexHeaders() throws Exception {
        fakeRaft.write("kv", 7);
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/kv/a%2Fb?index=7&wait=5m")).build(),
                BodyHandlers.ofString());
        while (fakeRaft.pendingWaits().isEmpty()) {
            Thread.onSpinWait();
        }
        assertEquals("a/b", fakeRaft.pendingWaits().get(0).prefix(), "%2F is decoded into the argument");
        fakeRaft.write("kv", 9);
        HttpResponse<String> r = response.get(30, TimeUnit.SECONDS);
        assertEquals("9", r.headers().firstValue("X-Consul-Index").orElseThrow());
        assertEquals("true", r.headers().firstValue("X-Consul-KnownLeader").orElseThrow());
        assertEquals("{\"Key\":\"a/b\"}", r.body());
    }

    @Test
    void readWithoutRaftIsNoClusterLeader() throws Exception {
        raft = null;
        HttpResponse<String> r = send("GET", "/v1/kv/a", null);
        assertEquals(500, r.statusCode());
        assertEquals("No cluster leader", r.body());
    }

    @Test
    void localReadIsServedWithoutRaft() throws Exception {
        raft = null;
        HttpResponse<String> r = send("GET", "/v1/local", null);
        assertEquals(200, r.statusCode());
        assertEquals("[\"mine\"]", r.body());
        assertEquals("42", r.headers().firstValue("X-Consul-Index").orElseThrow());
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = send("DELETE", "/v1/kv/a", null);
        assertEquals(405, r.statusCode());
        assertEquals("method DELETE not allowed", r.body());
        assertEquals("OPTIONS,GET,PUT", r.headers().firstValue("Allow").orElseThrow());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> options = send("OPTIONS", "/v1/kv/a", null);
        assertEquals(200, options.statusCode());
        assertEquals("OPTIONS,GET,PUT", options.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void unknownPathsAndTheBanner() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/nothing/here", null);
        assertEquals(404, r.statusCode());
        assertEquals("Invalid URL path: not a recognized HTTP API endpoint", r.body());
        HttpResponse<String> root = send("GET", "/", null);
        assertEquals(200, root.statusCode());
        assertTrue(root.body().startsWith("Consul Agent"));
        assertEquals(400, send("GET", "/v1/kv/a%01", null).statusCode());
    }

    @Test
    void whileStartingAPathNoRouteServesIsARetryable503() throws Exception {
        started = false;
        for (String[] request : new String[][] {{"GET", "/v1/catalog/services"}, {"GET", "/favicon.ico"},
                {"DELETE", "/v1/list"}}) {
            HttpResponse<String> r = send(request[0], request[1], null);
            assertEquals(503, r.statusCode(), request[1]);
            assertEquals(Dispatcher.STARTING, r.body());
            assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("allow", r.headers().firstValue("X-Consul-Default-ACL-Policy").orElseThrow());
            assertTrue(r.headers().firstValue("X-Consul-Index").isEmpty());
        }
        assertEquals(3, requests("GET", HttpMetrics.UNMATCHED, "503").count()
                + requests("DELETE", HttpMetrics.UNMATCHED, "503").count());
    }

    @Test
    void whileStartingRegisteredRoutesAreServed() throws Exception {
        started = false;
        fakeRaft.write("kv", 7);
        HttpResponse<String> read = send("GET", "/v1/kv/a", null);
        assertEquals(200, read.statusCode());
        assertEquals("7", read.headers().firstValue("X-Consul-Index").orElseThrow());
        assertEquals("{\"Key\":\"a\"}", read.body());
        HttpResponse<String> missing = send("GET", "/v1/missing", null);
        assertEquals(404, missing.statusCode(), "a handler's own 404 is an answer");
        assertEquals("no such thing", missing.body());
        assertEquals(200, send("GET", "/", null).statusCode());
        assertEquals(400, send("GET", "/v1/nowhere%01", null).statusCode());
    }

    @Test
    void onceStartedAPathNoRouteServesIs404Again() throws Exception {
        started = false;
        assertEquals(503, send("GET", "/v1/catalog/services", null).statusCode());
        started = true;
        HttpResponse<String> r = send("GET", "/v1/catalog/services", null);
        assertEquals(404, r.statusCode());
        assertEquals("Invalid URL path: not a recognized HTTP API endpoint", r.body());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        assertEquals(405, send("DELETE", "/v1/list", null).statusCode());
    }

    @Test
    void prettyJsonAndErrors() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/list?pretty", null);
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        String expected = r.body().startsWith("{\n    \"Tags\"")
                ? "{\n    \"Tags\": [\n        \"a\",\n        \"b\"\n    ],\n    \"Meta\": {}\n}\n"
                : "{\n    \"Meta\": {},\n    \"Tags\": [\n        \"a\",\n        \"b\"\n    ]\n}\n";
        assertEquals(expected, r.body());
        assertFalse(send("GET", "/v1/list", null).body().contains("\n"));
        HttpResponse<String> fail = send("GET", "/v1/fail", null);
        assertEquals(500, fail.statusCode());
        assertEquals("boom", fail.body());
        HttpResponse<String> missing = send("GET", "/v1/missing", null);
        assertEquals(404, missing.statusCode());
        assertEquals("no such thing", missing.body());
    }

    @Test
    void decodesBodiesAndRejectsBadOnes() throws Exception {
        assertEquals("{\"Value\":1}", send("PUT", "/v1/kv/a", "{\"Value\":1}").body());
        HttpResponse<String> bad = send("PUT", "/v1/kv/a", "{nope");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith("Request decode failed: "), bad.body());
    }

    @Test
    void rejectsOversizedBodies() throws Exception {
        // The length is refused from the headers, before any of the body is read. The client here sends only the
        // headers: one still streaming 16 MB when the server answers and closes can see the connection reset
        // before it reads the answer (a race in TCP, not in the server).
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("PUT /v1/kv/a HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                    + (RouteTable.DEFAULT_MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !answer.toString().contains("max size") && (n = socket.getInputStream().read(buffer)) > 0;) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413 "), answer.toString());
            assertTrue(answer.toString().contains("too large"), answer.toString());
        }
    }

    @Test
    void gzipsWhenAsked() throws Exception {
        HttpResponse<byte[]> r = client.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/big"))
                .header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("\"" + "x".repeat(5000) + "\"", gunzip(r.body()));
        HttpResponse<String> plain = send("GET", "/v1/big", null);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsAreTimedByRoutePatternAndStatus() throws Exception {
        send("GET", "/v1/kv/a/b", null);
        send("GET", "/v1/kv/c", null);
        send("GET", "/v1/missing", null);
        send("GET", "/v1/nowhere/x", null);
        send("DELETE", "/v1/list", null);
        assertEquals(2, requests("GET", "/v1/kv/", "200").count());
        assertEquals(1, requests("GET", "/v1/missing", "404").count());
        assertEquals(1, requests("GET", HttpMetrics.UNMATCHED, "404").count());
        assertEquals(1, requests("DELETE", HttpMetrics.UNMATCHED, "405").count());
        assertTrue(meters.find("cairn.http.requests").tag("route", "/v1/kv/a/b").timers().isEmpty(),
                "raw paths never become tags");
    }

    @Test
    void blockingQueriesWaitingAreCounted() throws Exception {
        fakeRaft.write("kv", 7);
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/kv/a?index=7&wait=5m")).build(),
                BodyHandlers.ofString());
        while (fakeRaft.pendingWaits().isEmpty()) {
            Thread.onSpinWait();
        }
        assertEquals(1.0, meters.get("cairn.http.blocking.queries").gauge().value());
        fakeRaft.write("kv", 9);
        assertEquals(200, response.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(0.0, meters.get("cairn.http.blocking.queries").gauge().value());
    }

    private Timer requests(String method, String route, String status) {
        return meters.get("cairn.http.requests").tags("method", method, "route", route, "status", status).timer();
    }
}
