package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.agent.api.Member;
import io.cairn.forward.internal.FakeServer.Reply;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;

/** The forwarder against Cairn servers standing in on loopback. */
class ForwarderTest {
    private final List<Member> members = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final ServerPool pool = new ServerPool(() -> List.copyOf(members), "dc1", false, nanos::get,
            new SplittableRandom(7));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private Forwarder forwarder(int maxConcurrent, long maxAnswerBytes) {
        return new Forwarder(new Upstream(pool, http, maxConcurrent, maxAnswerBytes), 1024, "web-1");
    }

    private Forwarder forwarder() {
        return forwarder(16, 1024 * 1024);
    }

    private FakeServer server(String name) throws Exception {
        FakeServer server = new FakeServer();
        servers.add(server);
        members.add(server.member(name));
        return server;
    }

    private RawServer rawServer(String name, boolean dropAtOnce) throws Exception {
        RawServer server = new RawServer(dropAtOnce);
        servers.add(server);
        members.add(server.member(name));
        return server;
    }

    private static Response answer(CompletableFuture<Response> pending) {
        return pending.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static String text(Response response) {
        return new String(response.rawBody(), StandardCharsets.UTF_8);
    }

    private static HttpException failure(CompletableFuture<Response> pending) {
        CompletionException e = assertThrows(CompletionException.class, () -> answer(pending));
        return assertInstanceOf(HttpException.class, e.getCause());
    }

    @Test
    void sendsTheRequestUnchangedAndRelaysTheAnswerWithItsHeaders() throws Exception {
        FakeServer server = server("s1").answering(new Reply(409, Map.of("Content-Type", "application/json",
                "X-Consul-Index", "42", "X-Consul-KnownLeader", "true", "X-Consul-LastContact", "0",
                "X-Consul-Effective-Consistency", "leader", "X-Consul-Default-ACL-Policy", "deny",
                "X-Powered-By", "nothing"), "[\"conflict\"]".getBytes(StandardCharsets.UTF_8)));
        FakeRequest request = new FakeRequest().method("PUT").path("/v1/kv/a/b c").rawPath("/v1/kv/a%2Fb%20c")
                .query("cas=0", "flags=+1", "release").body("{\"x\":1}")
                .header("X-Consul-Token", "secret").header("Authorization", "Bearer secret")
                .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                .header("Cookie", "private");

        Response response = answer(forwarder().handle(request));

        assertEquals(409, response.status());
        assertEquals("[\"conflict\"]", text(response));
        assertEquals("application/json", response.contentType());
        assertEquals(Map.of("X-Consul-Index", "42", "X-Consul-KnownLeader", "true", "X-Consul-LastContact", "0",
                "X-Consul-Effective-Consistency", "leader", "X-Consul-Default-ACL-Policy", "deny"),
                response.headers());
        FakeServer.Received received = server.next();
        assertEquals("PUT", received.method());
        assertEquals("/v1/kv/a%2Fb%20c", received.rawPath());
        assertEquals("cas=0&flags=%2B1&release", received.rawQuery());
        assertEquals("{\"x\":1}", received.text());
        assertEquals("secret", received.headers().getFirst("X-Consul-Token"));
        assertEquals("Bearer secret", received.headers().getFirst("Authorization"));
        assertEquals("application/json", received.headers().getFirst("Content-Type"));
        assertFalse(received.headers().containsKey("Accept-Encoding"), "the server's answer is never compressed");
        assertFalse(received.headers().containsKey("Cookie"));
    }

    @Test
    void aFilterAndADatacenterAreLeftToTheServer() throws Exception {
        FakeServer server = server("s1").answering(new Reply(500, Map.of(), "No path to datacenter"
                .getBytes(StandardCharsets.UTF_8)));
        FakeRequest request = new FakeRequest().path("/v1/health/service/web")
                .query("filter=Service.Tags contains \"v2\" and Checks.Status != \"critical\"", "dc=nope");

        Response response = answer(forwarder().handle(request));

        assertEquals(500, response.status());
        assertEquals("No path to datacenter", text(response));
        assertEquals("filter=Service.Tags%20contains%20%22v2%22%20and%20Checks.Status%20%21%3D%20%22critical%22"
                + "&dc=nope", server.next().rawQuery());
    }

    @Test
    void aBlockingQueryIsPendingWithoutAThreadUntilTheServerAnswers() throws Exception {
        CompletableFuture<Reply> held = new CompletableFuture<>();
        FakeServer server = server("s1").answering(request -> held);

        CompletableFuture<Response> pending = forwarder()
                .handle(new FakeRequest().path("/v1/kv/a").query("index=7", "wait=10m"));

        assertEquals("index=7&wait=10m", server.next().rawQuery());
        assertFalse(pending.isDone(), "handle returned while the server holds the query");
        held.complete(Reply.json("[{\"Key\":\"a\"}]", 9));
        Response response = answer(pending);
        assertEquals(200, response.status());
        assertEquals("9", response.headers().get("X-Consul-Index"));
        assertArrayEquals("[{\"Key\":\"a\"}]".getBytes(StandardCharsets.UTF_8), response.rawBody());
    }

    @Test
    void aReadFailsOverToTheNextServerWhenTheCurrentIsDown() throws Exception {
        FakeServer first = server("s1");
        FakeServer second = server("s2");
        FakeServer down = pool.current().orElseThrow().node().equals("s1") ? first : second;
        FakeServer up = down == first ? second : first;
        down.close();
        up.answering(Reply.json("[]", 5));

        Response response = answer(forwarder().handle(new FakeRequest().path("/v1/catalog/nodes")));

        assertEquals(200, response.status());
        assertEquals("5", response.headers().get("X-Consul-Index"));
        assertEquals("/v1/catalog/nodes", up.next().rawPath());
        answer(forwarder().handle(new FakeRequest().path("/v1/catalog/services")));
        assertEquals("/v1/catalog/services", up.next().rawPath(), "the next request goes to the new server");
    }

    @Test
    void aWriteIsSentAgainOnlyIfTheServerNeverGotIt() throws Exception {
        FakeServer live = server("live").answering(Reply.json("true", 3));
        RawServer dying = rawServer("dying", true);
        Forwarder forwarder = forwarder();
        FakeRequest write = new FakeRequest().method("PUT").path("/v1/kv/a").body("x");
        while (!pool.current().orElseThrow().node().equals("dying")) {
            pool.failed(pool.current().orElseThrow(), "test: put the dying server first");
        }

        HttpException lost = failure(forwarder.handle(write));
        assertTrue(dying.awaitRequest());
        assertEquals(500, lost.status());
        assertTrue(lost.getMessage().startsWith("Failed to reach server dying (127.0.0.1:"), lost.getMessage());
        assertTrue(live.nothingReceived(), "a write the server may have applied is not sent twice");

        // the dying server is gone now, and the next write goes to the live one
        assertEquals("true", text(answer(forwarder.handle(write))));
        assertEquals("x", live.next().text());
    }

    @Test
    void aWriteRefusedAtConnectIsSentToTheNextServer() throws Exception {
        FakeServer first = server("s1");
        FakeServer second = server("s2");
        FakeServer down = pool.current().orElseThrow().node().equals("s1") ? first : second;
        FakeServer up = down == first ? second : first;
        down.close();
        up.answering(Reply.json("true", 3));

        Response response = answer(forwarder().handle(new FakeRequest().method("PUT").path("/v1/kv/a").body("x")));

        assertEquals("true", text(response));
        assertEquals("x", up.next().text());
    }

    @Test
    void a503MovesToTheNextServerAndAReadIsAskedThere() throws Exception {
        FakeServer first = server("s1");
        FakeServer second = server("s2");
        FakeServer starting = pool.current().orElseThrow().node().equals("s1") ? first : second;
        FakeServer ready = starting == first ? second : first;
        starting.answering(Reply.text(503, "The agent is starting"));
        ready.answering(Reply.json("{}", 8));

        Response read = answer(forwarder().handle(new FakeRequest().path("/v1/catalog/services")));

        assertEquals(200, read.status());
        assertEquals("8", read.headers().get("X-Consul-Index"));
        assertEquals("/v1/catalog/services", starting.next().rawPath());
        assertEquals("/v1/catalog/services", ready.next().rawPath());
    }

    @Test
    void noClusterLeaderIsAnAnswerNotAFailure() throws Exception {
        server("s1").answering(Reply.text(500, "No cluster leader"));
        server("s2").answering(Reply.text(500, "No cluster leader"));
        Server current = pool.current().orElseThrow();

        Response response = answer(forwarder().handle(new FakeRequest().path("/v1/kv/a")));

        assertEquals(500, response.status());
        assertEquals("No cluster leader", text(response));
        assertEquals(current, pool.current().orElseThrow(), "every server would say the same: no failover");
    }

    @Test
    void withoutServersTheAnswerIsConsulsNoKnownServers() {
        HttpException e = failure(forwarder().handle(new FakeRequest().path("/v1/kv/a")));
        assertEquals(500, e.status());
        assertEquals("No known Consul servers", e.getMessage());
    }

    @Test
    void aClientThatHangsUpHasItsRequestToTheServerAborted() throws Exception {
        RawServer server = rawServer("s1", false);
        CompletableFuture<Response> pending = forwarder()
                .handle(new FakeRequest().path("/v1/kv/a").query("index=3"));
        assertTrue(server.awaitRequest());

        pending.cancel(false);

        assertTrue(server.awaitHangup(), "the server saw the connection close");
    }

    @Test
    void stoppingEndsTheRequestsUnderWayAndRefusesNewOnes() throws Exception {
        RawServer server = rawServer("s1", false);
        Upstream upstream = new Upstream(pool, http, 16, 1024);
        Forwarder forwarder = new Forwarder(upstream, 1024, "web-1");
        CompletableFuture<Response> held = forwarder.handle(new FakeRequest().path("/v1/kv/a").query("index=3"));
        assertTrue(server.awaitRequest());

        upstream.close();

        assertEquals("The agent is stopping", failure(held).getMessage());
        assertTrue(server.awaitHangup());
        assertEquals("The agent is stopping", failure(forwarder.handle(new FakeRequest().path("/v1/kv/b")))
                .getMessage());
    }

    @Test
    void requestsBeyondTheLimitAreRefusedWith429() throws Exception {
        CompletableFuture<Reply> held = new CompletableFuture<>();
        FakeServer server = server("s1").answering(request -> held);
        Forwarder forwarder = forwarder(1, 1024);
        CompletableFuture<Response> first = forwarder.handle(new FakeRequest().path("/v1/kv/a").query("index=3"));
        server.next();

        HttpException refused = failure(forwarder.handle(new FakeRequest().path("/v1/kv/b")));

        assertEquals(429, refused.status());
        held.complete(Reply.json("[]", 4));
        assertEquals(200, answer(first).status());
        assertEquals(200, answer(forwarder.handle(new FakeRequest().path("/v1/kv/c"))).status(),
                "a finished request frees its place");
    }

    @Test
    void anAnswerOverTheLimitIsRefused() throws Exception {
        server("s1").answering(Reply.json("[\"" + "x".repeat(2000) + "\"]", 4));
        HttpException e = failure(forwarder(16, 1024).handle(new FakeRequest().path("/v1/kv/a")));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }

    @Test
    void theServerMayHoldABlockingQueryForItsWaitAsConsulBoundsItAndNothingElse() {
        assertEquals(Duration.ZERO, Relay.heldFor(new FakeRequest()));
        assertEquals(Duration.ZERO, Relay.heldFor(new FakeRequest().query("wait=1m30s")), "no ?index: no wait");
        assertEquals(Duration.ofMinutes(5), Relay.heldFor(new FakeRequest().query("index=7")));
        assertEquals(Duration.ofSeconds(90), Relay.heldFor(new FakeRequest().query("index=7", "wait=1m30s")));
        assertEquals(Duration.ofMinutes(10), Relay.heldFor(new FakeRequest().query("index=7", "wait=1h")));
        assertEquals(Duration.ofMinutes(5), Relay.heldFor(new FakeRequest().query("index=7", "wait=soon")));
        assertEquals(Duration.ofMinutes(5), Relay.heldFor(new FakeRequest().query("index=7", "wait=0s")));
        assertEquals(Duration.ofMinutes(10).plusMillis(37_500).plusSeconds(30),
                UpstreamRequest.timeoutFor(Duration.ofMinutes(10)), "the wait, its jitter and the slack");
    }
}
