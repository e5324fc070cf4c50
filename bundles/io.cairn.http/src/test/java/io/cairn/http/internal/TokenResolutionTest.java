package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest.Builder;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/** The token a request runs as: Consul's sources in order, unknown secrets, and a route that asks its token. */
class TokenResolutionTest {
    private static final String WRITER = "writer-secret";

    /**
     * Knows one secret, which may write key "a" and resolves later, as a client agent's lookup at a server does; the
     * empty secret is the anonymous token, which may not.
     */
    private final FakeAclResolver resolver = FakeAclResolver.denyByDefault()
            .token(WRITER, "w", "key \"a\" { policy = \"write\" }").resolvingLater();
    private final AtomicInteger writes = new AtomicInteger();
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    TokenResolutionTest() throws Exception {
        RouteCollector table = new RouteCollector("dc1");
        table.put("/v1/kv/", this::write);
        Router router = new Router();
        router.add("test", table.routes());
        server = new ApiServer("127.0.0.1", 0, null, router, FakeRaft::new, () -> resolver, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()), ServerLimits.defaults());
        server.start();
    }

    private CompletableFuture<Response> write(Request request) {
        if (!request.acl().keyWrite(request.argument())) {
            throw request.permissionDenied("key:write", request.argument());
        }
        writes.incrementAndGet();
        return CompletableFuture.completedFuture(Response.json(true));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> put(String pathAndQuery, String... headers) throws Exception {
        Builder request = java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).PUT(BodyPublishers.ofString("v"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void theQueryParameterComesFirstThenTheHeaderThenBearer() throws Exception {
        assertEquals(200, put("/v1/kv/a?token=" + WRITER, "X-Consul-Token", "other", "Authorization",
                "Bearer other").statusCode());
        assertEquals(200, put("/v1/kv/a", "X-Consul-Token", WRITER, "Authorization", "Bearer other").statusCode());
        assertEquals(200, put("/v1/kv/a", "Authorization", "bearer  " + WRITER).statusCode());
        assertEquals(List.of(WRITER, WRITER, WRITER), resolver.asked());
        assertEquals(3, writes.get());
    }

    @Test
    void withoutATokenTheRequestIsAnonymousAndTheDenialSaysSo() throws Exception {
        HttpResponse<String> r = put("/v1/kv/a", "Authorization", "Basic abc");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().startsWith("Permission denied: anonymous token lacks permission 'key:write' on \"a\""),
                r.body());
        assertEquals("deny", r.headers().firstValue("X-Consul-Default-ACL-Policy").orElseThrow());
        assertEquals(List.of(""), resolver.asked());
        assertEquals(0, writes.get());
    }

    @Test
    void anUnknownSecretIsAclNotFound() throws Exception {
        HttpResponse<String> r = put("/v1/kv/a", "X-Consul-Token", "nope");
        assertEquals(403, r.statusCode());
        assertEquals("ACL not found", r.body());
        assertEquals(0, writes.get());
    }
}
