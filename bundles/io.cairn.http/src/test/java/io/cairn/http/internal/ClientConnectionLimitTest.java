package io.cairn.http.internal;

import static io.cairn.http.internal.RawClient.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Response;

/**
 * Consul's {@code http_max_conns_per_client}: a client address holding as many connections as it may has the next
 * one answered 429 with Consul's text and closed; once one of its connections closes it may open another.
 */
class ClientConnectionLimitTest {
    private static final int MAX = 3;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ApiServer server;

    private void start(int maxConnsPerClient) throws Exception {
        RouteCollector table = new RouteCollector("dc1");
        table.get("/v1/now", r -> CompletableFuture.completedFuture(Response.json(List.of("now"))));
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, router, FakeRaft::new, () -> true, new HttpMetrics(meters),
                ServerLimits.defaults().withMaxConnsPerClient(maxConnsPerClient));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionOverTheLimitIsAnswered429AndClosed() throws Exception {
        start(MAX);
        List<RawClient> held = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            RawClient client = new RawClient(server.port());
            // served, and the connection stays open
            assertTrue(client.send(now()).response().endsWith("[\"now\"]"));
            held.add(client);
        }
        try (RawClient over = new RawClient(server.port())) {
            String answer = over.response();
            assertTrue(answer.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), answer);
            assertTrue(answer.endsWith(ClientConnectionLimit.TOO_MANY), answer);
            assertTrue(over.closedWithin(5000));
        }
        assertEquals(1.0, meters.get("cairn.http.connections.refused").counter().count());
        // the held connections still work
        assertTrue(held.get(0).send(now()).response().endsWith("[\"now\"]"));

        held.remove(0).close();
        waitUntil(() -> {
            try (RawClient again = new RawClient(server.port())) {
                return again.send(now()).response().endsWith("[\"now\"]");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        for (RawClient client : held) {
            client.close();
        }
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        start(0);
        List<RawClient> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(new RawClient(server.port()));
        }
        for (RawClient client : held) {
            assertTrue(client.send(now()).response().endsWith("[\"now\"]"));
            client.close();
        }
    }

    @Test
    void countsEachAddressOnItsOwn() throws Exception {
        ClientConnectionLimit limit = new ClientConnectionLimit(2, new HttpMetrics(meters));
        InetAddress a = InetAddress.getLoopbackAddress();
        InetAddress b = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        assertTrue(limit.tryAcquire(a));
        assertTrue(limit.tryAcquire(a));
        assertFalse(limit.tryAcquire(a));
        assertTrue(limit.tryAcquire(b));
        limit.release(a);
        assertEquals(1, limit.open(a));
        assertTrue(limit.tryAcquire(a));
        limit.release(a);
        limit.release(a);
        limit.release(b);
        assertEquals(0, limit.open(a));
        assertEquals(0, limit.open(b));
    }

    private static String now() {
        return "GET /v1/now HTTP/1.1\r\nHost: a\r\n\r\n";
    }
}
