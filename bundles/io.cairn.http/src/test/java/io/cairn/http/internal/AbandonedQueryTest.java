package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
 * A blocking query Jetty gives up on (its connection failed, the server is stopping) is cancelled: it stops
 * waiting, and since nobody is left to answer this is normal, not a failed request to warn about. (A client that
 * hangs up is noticed by the server's own watch, see {@link HangupTest}; a server stop is the way to make Jetty
 * itself give up on a request at a known moment.)
 */
class AbandonedQueryTest {
    private final FakeRaft raft = new FakeRaft();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiServer server;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    AbandonedQueryTest() throws Exception {
        StateQuery read = new StateQuery() {
            @Override
            public Watch watch(Request request) {
                return new Watch("kv", request.argument());
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(state.index("kv", ""), Response.json(Map.of()));
            }
        };
        RouteCollector table = new RouteCollector("dc1");
        table.read("/v1/kv/", read);
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> true, new HttpMetrics(meters));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(stderr);
        server.close();
    }

    @Test
    void aQueryTheServerGivesUpOnStopsWaitingWithoutAWarning() throws Exception {
        raft.write("kv", 7);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write("GET /v1/kv/a?index=7&wait=5m HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            waitUntil(() -> !raft.pendingWaits().isEmpty());
            // slf4j-simple writes each message to whatever System.err is at the time.
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            server.close();
        }
        waitUntil(() -> raft.pendingWaits().isEmpty());
        System.setErr(stderr);
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("WARN"), log);
        assertFalse(log.contains("CancellationException"), log);
        assertTrue(meters.find("cairn.http.requests").tag("status", "500").timers().isEmpty(),
                "no 500 is counted for a request nobody is left to answer");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
