package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * What a client may send: bodies up to their route's limit, refused from the {@code Content-Length} before any byte
 * is read and cut off when chunked; bodies and headers within a time limit that trickling bytes do not extend;
 * URLs up to Consul's megabyte; and every refusal a plain-text 4xx, never HTML or a Java exception's text.
 */
class RequestLimitsTest {
    private static final long TIME_LIMIT_MILLIS = 500;
    private final FakeRaft raft = new FakeRaft();
    private final ApiServer server;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    RequestLimitsTest() throws Exception {
        RouteCollector table = new RouteCollector("dc1");
        table.put("/v1/small", 16, RequestLimitsTest::size)
                .put("/v1/default", RequestLimitsTest::size)
                .put("/v1/kv/", 512 * 1024, RequestLimitsTest::size)
                .get("/v1/kv/", r -> CompletableFuture.completedFuture(Response.json(r.argument().length())))
                .get("/v1/now", r -> CompletableFuture.completedFuture(Response.json(List.of("now"))));
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> raft, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()),
                new ServerLimits(0, TIME_LIMIT_MILLIS, TIME_LIMIT_MILLIS));
        server.start();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    private static CompletableFuture<Response> size(io.cairn.http.api.Request request) {
        return CompletableFuture.completedFuture(Response.json(Map.of("Size", request.body().length)));
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(stderr);
        server.close();
    }

    @Test
    void aDeclaredLengthOverTheRouteLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            // only the headers: the answer must not wait for the body
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("Connection: close"), answer);
            assertTrue(answer.endsWith("Request body(17 bytes) too large, max size: 16 bytes"), answer);
            assertTrue(client.closedWithin(5000));
        }
        assertEquals(413, status("PUT /v1/default", RouteTable.DEFAULT_MAX_BODY_BYTES + 1, false));
        assertQuietLog();
    }

    @Test
    void aClientThatSendsAllOfAnOversizedBodyBeforeReadingReadsTheRefusal() throws Exception {
        // HttpURLConnection writes the whole body before it reads: a connection closed on the unread rest of the
        // body would fail its write with "broken pipe" instead of giving it the 413
        int size = 12 << 20;
        for (boolean chunked : List.of(false, true, false, true)) {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/kv/a").toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            if (chunked) {
                connection.setChunkedStreamingMode(64 * 1024);
            } else {
                connection.setFixedLengthStreamingMode(size);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(new byte[size]);
            }
            assertEquals(413, connection.getResponseCode());
            String message = new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(message.endsWith("too large, max size: 524288 bytes"), message);
            connection.disconnect();
        }
    }

    @Test
    void theRestOfARefusedBodyIsDiscardedForABoundedTimeOnly() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000000\r\n\r\n");
            long started = System.nanoTime();
            assertTrue(client.response().startsWith("HTTP/1.1 413 "));
            // a client that keeps sending slowly is cut off at the bound
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                try {
                    client.send("x".repeat(100));
                } catch (java.io.IOException e) {
                    closed = true;
                }
                closed = closed || client.closedWithin(100);
            }
            assertTrue(closed, "the connection is closed");
            long lingered = millisSince(started);
            assertTrue(lingered < TimeUnit.NANOSECONDS.toMillis(LingeringClose.MAX_NANOS) + 1000, lingered + " ms");
        }
        assertQuietLog();
    }

    @Test
    void bodiesUpToTheRouteLimitAreServed() throws Exception {
        assertEquals(200, status("PUT /v1/small", 16, true));
        assertEquals(200, status("PUT /v1/default", RouteTable.DEFAULT_MAX_BODY_BYTES, true));
        // a route that declares more than the default gets it
        assertEquals(200, status("PUT /v1/kv/a", 512 * 1024, true));
        assertEquals(413, status("PUT /v1/kv/a", 512 * 1024 + 1, false));
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n0123456789\r\na\r\n0123456789\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.endsWith("Request body too large, max size: 16 bytes"), answer);
            assertTrue(client.closedWithin(5000));
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n0123456789\r\n0\r\n\r\n");
            assertTrue(client.response().endsWith("{\"Size\":10}"));
        }
    }

    @Test
    void aBodyThatTricklesIsDroppedAtTheTimeLimit() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nContent-Length: 16\r\n\r\n");
            long started = System.nanoTime();
            // a byte every 100 ms: enough to keep any idle timer from ever firing
            try {
                for (int i = 0; i < 15; i++) {
                    client.send("x");
                    Thread.sleep(100);
                }
            } catch (java.io.IOException e) {
                // dropped while sending: expected
            }
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.endsWith("Request body not received within 500ms; send the whole body at once"),
                    answer);
            assertTrue(client.closedWithin(5000));
            assertTrue(millisSince(started) < 3000, "dropped at the time limit, not after the last byte");
        }
        assertQuietLog();
    }

    @Test
    void headersThatTrickleAreCutOffAtTheTimeLimit() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /v1/now HTTP/1.1\r\nHost: a\r\n");
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    client.send("X-Slow: " + i + "\r\n");
                } catch (java.io.IOException e) {
                    closed = true;
                }
                closed = closed || client.closedWithin(100);
            }
            assertTrue(closed, "the connection is closed");
            // the limit counts from the first byte of the request; a deadline set while a previous request's
            // headers arrived may add at most one more limit
            assertTrue(millisSince(started) < 3 * TIME_LIMIT_MILLIS + 1000, millisSince(started) + " ms");
        }
        // an idle connection is not a slow request: it is left alone
        try (RawClient client = new RawClient(server.port())) {
            Thread.sleep(3 * TIME_LIMIT_MILLIS);
            client.send("GET /v1/now HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(client.response().endsWith("[\"now\"]"));
            Thread.sleep(3 * TIME_LIMIT_MILLIS);
            client.send("GET /v1/now HTTP/1.1\r\nHost: a\r\n\r\n");
            assertTrue(client.response().endsWith("[\"now\"]"));
        }
    }

    @Test
    void aMalformedChunkIsABadRequestInPlainText() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("Request body could not be read: invalid chunked transfer encoding"), answer);
            assertPlainText(answer);
        }
        assertQuietLog();
    }

    @Test
    void aClientGoneInTheMiddleOfItsBodyIsNotWorthAWarning() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawClient client = new RawClient(server.port())) {
                client.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nContent-Length: 16\r\n\r\n0123");
                Thread.sleep(50);
            }
        }
        RawClient reset = new RawClient(server.port());
        reset.send("PUT /v1/small HTTP/1.1\r\nHost: a\r\nContent-Length: 16\r\n\r\n0123");
        Thread.sleep(50);
        reset.reset();
        Thread.sleep(200);
        assertEquals(200, status("PUT /v1/small", 3, true));
        assertQuietLog();
    }

    @Test
    void jettysOwnRefusalsArePlainText() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /v1/now HTTP/1.1\r\nHost: a\r\nNot a header\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertPlainText(answer);
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /v1/now HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(ServerLimits.MAX_HEADER_BYTES)
                    + "\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
            assertTrue(answer.endsWith("431 Request Header Fields Too Large: the request line and headers may be up to "
                    + ServerLimits.MAX_HEADER_BYTES + " bytes"), answer);
            assertPlainText(answer);
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /v1/kv/" + "k".repeat(ServerLimits.MAX_HEADER_BYTES) + " HTTP/1.1\r\nHost: a\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 414 "), answer);
            assertPlainText(answer);
        }
    }

    @Test
    void keysUpToAMegabyteAreServed() throws Exception {
        String key = "k".repeat(1 << 20);
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /v1/kv/" + key + " HTTP/1.1\r\nHost: a\r\n\r\n");
            String answer = client.response();
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.endsWith("\r\n\r\n" + key.length()), answer);
        }
    }

    /** The status of {@code request} with a body of {@code size} bytes (sent only if {@code sendBody}). */
    private int status(String request, int size, boolean sendBody) throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(request + " HTTP/1.1\r\nHost: a\r\nContent-Length: " + size + "\r\n\r\n");
            if (sendBody) {
                client.send("b".repeat(size));
            }
            String answer = client.response();
            return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void assertPlainText(String answer) {
        assertTrue(answer.contains("Content-Type: text/plain; charset=utf-8"), answer);
        assertFalse(answer.contains("<"), answer);
        assertFalse(answer.contains("Exception"), answer);
    }

    private void assertQuietLog() {
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("WARN"), log);
        assertFalse(log.contains("Exception"), log);
    }
}
