package io.cairn.http.internal;

import static io.cairn.http.internal.RawClient.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/**
 * A client that hangs up while its request waits (Jetty's HTTP/1.1 connection reads nothing then, so only the
 * {@link HangupWatch} notices) has the request given up at once: its wait on the state and its connection end,
 * quietly; a client that pipelines its next request behind a waiting one is still served, in order.
 */
class HangupTest {
    private final FakeRaft raft = new FakeRaft();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CompletableFuture<Response> pendingWrite = new CompletableFuture<>();
    private final ApiServer server;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    HangupTest() throws Exception {
        StateQuery read = new StateQuery() {
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
        table.read("/v1/kv/", read)
                .put("/v1/slow", r -> pendingWrite)
                .get("/v1/now", r -> CompletableFuture.completedFuture(Response.json(List.of("now"))));
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> true, new HttpMetrics(meters));
        server.start();
        raft.write("kv", 7);
        // slf4j-simple writes each message to whatever System.err is at the time.
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(stderr);
        server.close();
    }

    private static final String BLOCKING = "GET /v1/kv/a?index=7&wait=10m HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Test
    void aClientThatClosesEndsItsBlockingQueryAtOnce() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(BLOCKING);
            waitUntil(() -> raft.pendingWaits().size() == 1);
            assertEquals(1.0, gauge());
        }
        waitUntil(() -> raft.pendingWaits().isEmpty());
        waitUntil(() -> gauge() == 0.0);
        assertEquals(1.0, meters.get("cairn.http.requests.abandoned").counter().count());
        assertQuietLog();
    }

    @Test
    void aClientThatResetsEndsItsBlockingQueryAtOnce() throws Exception {
        RawClient client = new RawClient(server.port());
        client.send(BLOCKING);
        waitUntil(() -> raft.pendingWaits().size() == 1);
        client.reset();
        waitUntil(() -> raft.pendingWaits().isEmpty());
        assertEquals(1.0, meters.get("cairn.http.requests.abandoned").counter().count());
        assertQuietLog();
    }

    @Test
    void aClientThatHangsUpOnAPendingWriteHasItsConnectionClosed() throws Exception {
        RawClient client = new RawClient(server.port());
        client.send("PUT /v1/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
        waitUntil(() -> pendingWrite.getNumberOfDependents() > 0);
        client.close();
        waitUntil(() -> abandoned() == 1.0);
        // The handler's stage is cancelled with the request (a write already submitted still completes in the log).
        waitUntil(pendingWrite::isCancelled);
        assertQuietLog();
    }

    @Test
    void manyAbandonedQueriesLeaveNothingWaiting() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            clients.add(new RawClient(server.port()).send(BLOCKING));
        }
        waitUntil(() -> raft.pendingWaits().size() == 150);
        for (RawClient client : clients) {
            client.close();
        }
        waitUntil(() -> raft.pendingWaits().isEmpty());
        waitUntil(() -> abandoned() == 150.0);
        assertQuietLog();
    }

    @Test
    void aRequestPipelinedBehindAWaitingOneIsServedAfterIt() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(BLOCKING);
            waitUntil(() -> raft.pendingWaits().size() == 1);
            // Arrives while the first waits: the watch reads its first byte and must give it back.
            client.send("GET /v1/now HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Thread.sleep(200);
            assertEquals(1, raft.pendingWaits().size(), "a live client's query keeps waiting");
            raft.write("kv", 9);
            String first = client.response();
            assertTrue(first.startsWith("HTTP/1.1 200 "), first);
            assertTrue(first.contains("X-Consul-Index: 9"), first);
            String second = client.response();
            assertTrue(second.startsWith("HTTP/1.1 200 "), second);
            assertTrue(second.endsWith("[\"now\"]"), second);
            // and the connection goes on serving
            client.send("GET /v1/now HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(client.response().endsWith("[\"now\"]"));
        }
        assertEquals(0.0, abandoned());
    }

    @Test
    void aConnectionGoesOnServingAfterAWatchedWaitEnds() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                long index = 7 + i;
                client.send("GET /v1/kv/a?index=" + index + "&wait=10m HTTP/1.1\r\nHost: localhost\r\n\r\n");
                waitUntil(() -> raft.pendingWaits().size() == 1);
                raft.write("kv", index + 1);
                assertTrue(client.response().contains("X-Consul-Index: " + (index + 1)));
            }
        }
        assertEquals(0.0, abandoned());
        assertQuietLog();
    }

    private double gauge() {
        return meters.get("cairn.http.blocking.queries").gauge().value();
    }

    private double abandoned() {
        return meters.get("cairn.http.requests.abandoned").counter().count();
    }

    private void assertQuietLog() {
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("WARN"), log);
        assertFalse(log.contains("Exception"), log);
    }
}
