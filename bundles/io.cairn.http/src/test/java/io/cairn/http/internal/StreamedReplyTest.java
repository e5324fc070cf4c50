package io.cairn.http.internal;

import static io.cairn.http.internal.RawClient.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Response;
import io.cairn.http.api.StreamSink;

/**
 * A streamed response sends each chunk as it is offered, in chunked encoding, until its producer closes it; a client
 * that goes away while nothing is written closes the sink at once; a client that does not read has further chunks
 * dropped and counted rather than queued without bound.
 */
class StreamedReplyTest {
    private final CompletableFuture<StreamSink> opened = new CompletableFuture<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final ApiServer server;

    StreamedReplyTest() throws Exception {
        RouteCollector table = new RouteCollector("dc1");
        table.get("/v1/stream", r -> CompletableFuture.completedFuture(Response.stream("text/plain", sink -> {
            sink.onClose(closed::incrementAndGet);
            opened.complete(sink);
        })));
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, () -> null, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static final String GET = "GET /v1/stream HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Test
    void chunksArriveAsOfferedUntilTheProducerCloses() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(GET);
            StreamSink sink = opened.get(10, TimeUnit.SECONDS);
            InputStream in = client.socket.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
            assertTrue(head.contains("text/plain"), head);

            assertTrue(sink.offer("first line\n".getBytes(StandardCharsets.UTF_8)));
            assertTrue(readUntil(in, "first line\n").endsWith("first line\n"));
            assertTrue(sink.offer("second line\n".getBytes(StandardCharsets.UTF_8)));
            assertTrue(readUntil(in, "second line\n").endsWith("second line\n"));

            sink.close();
            assertTrue(readUntil(in, "0\r\n\r\n").endsWith("0\r\n\r\n"));
            assertFalse(sink.offer("late".getBytes(StandardCharsets.UTF_8)));
            waitUntil(() -> closed.get() == 1);
            // the connection stays usable for the next request
            client.send("GET /v1/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(client.response().startsWith("HTTP/1.1 404"));
        }
    }

    @Test
    void aClientThatHangsUpClosesTheSinkWithoutAnyWrite() throws Exception {
        StreamSink sink;
        try (RawClient client = new RawClient(server.port())) {
            client.send(GET);
            sink = opened.get(10, TimeUnit.SECONDS);
            readUntil(client.socket.getInputStream(), "\r\n\r\n");
        }
        waitUntil(sink::isClosed);
        waitUntil(() -> closed.get() == 1);
        assertFalse(sink.offer("nobody reads this".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, sink.dropped());
    }

    @Test
    void aClientThatDoesNotReadHasChunksDroppedAndCounted() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.socket.setReceiveBufferSize(4096);
            client.send(GET);
            StreamSink sink = opened.get(10, TimeUnit.SECONDS);
            byte[] chunk = new byte[16 * 1024];
            int refused = 0;
            for (int i = 0; i < 4 * StreamedReply.MAX_QUEUED_CHUNKS; i++) {
                if (!sink.offer(chunk)) {
                    refused++;
                }
            }
            assertTrue(refused > 0, "some chunks dropped");
            assertEquals(refused, sink.dropped());
            assertFalse(sink.isClosed());
        }
        waitUntil(() -> closed.get() == 1);
    }

    /** Reads until what was read ends with {@code end}; returns all of it. */
    private static String readUntil(InputStream in, String end) throws Exception {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed after " + read.toString(StandardCharsets.ISO_8859_1));
            }
            read.write(b);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
