package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cairn.http.api.FallbackHandler;
import io.cairn.http.api.Handler;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

class RouterTest {
    private final Handler kvGet = r -> CompletableFuture.completedFuture(Response.ok());
    private final Handler kvPut = r -> CompletableFuture.completedFuture(Response.ok());
    private final Handler deep = r -> CompletableFuture.completedFuture(Response.ok());
    private final Handler leader = r -> CompletableFuture.completedFuture(Response.ok());
    private final Router router = new Router();

    RouterTest() {
        RouteCollector kv = new RouteCollector("dc1");
        kv.get("/v1/kv/", kvGet).put("/v1/kv/", kvPut).put("/v1/kv/locks/", deep);
        router.add("kv", kv.routes());
        RouteCollector status = new RouteCollector("dc1");
        status.get("/v1/status/leader", leader);
        router.add("status", status.routes());
    }

    @Test
    void prefixRouteGetsTheRestOfThePathWithSlashes() {
        Router.Found found = assertInstanceOf(Router.Found.class, router.match("GET", "/v1/kv/a/b/c"));
        assertSame(kvGet, found.route().handler());
        assertEquals("a/b/c", found.argument());
        assertEquals("", ((Router.Found) router.match("GET", "/v1/kv/")).argument());
    }

    @Test
    void longestPrefixWins() {
        Router.Found found = assertInstanceOf(Router.Found.class, router.match("PUT", "/v1/kv/locks/x"));
        assertSame(deep, found.route().handler());
        assertEquals("x", found.argument());
        assertSame(kvPut, ((Router.Found) router.match("PUT", "/v1/kv/lock")).route().handler());
    }

    @Test
    void exactRouteMatchesOnlyItself() {
        Router.Found found = assertInstanceOf(Router.Found.class, router.match("GET", "/v1/status/leader"));
        assertSame(leader, found.route().handler());
        assertEquals("", found.argument());
        assertInstanceOf(Router.NotFound.class, router.match("GET", "/v1/status/leader/x"));
        assertInstanceOf(Router.NotFound.class, router.match("GET", "/v1/status"));
    }

    @Test
    void wrongMethodListsTheAllowedOnesInConsulOrder() {
        assertEquals(List.of("GET", "PUT"),
                assertInstanceOf(Router.NotAllowed.class, router.match("DELETE", "/v1/kv/a")).allowed());
        // The longest path decides, even if a shorter prefix has the method.
        assertEquals(List.of("PUT"),
                assertInstanceOf(Router.NotAllowed.class, router.match("GET", "/v1/kv/locks/a")).allowed());
    }

    @Test
    void routesLeaveWithTheirOwner() {
        router.remove("kv");
        assertInstanceOf(Router.NotFound.class, router.match("GET", "/v1/kv/a"));
        assertInstanceOf(Router.Found.class, router.match("GET", "/v1/status/leader"));
    }

    @Test
    void firstOwnerKeepsAContestedRoute() {
        RouteCollector other = new RouteCollector("dc1");
        Handler intruder = r -> CompletableFuture.completedFuture(Response.ok());
        other.get("/v1/status/leader", intruder);
        router.add("other", other.routes());
        assertSame(leader, ((Router.Found) router.match("GET", "/v1/status/leader")).route().handler());
        router.remove("status");
        assertSame(intruder, ((Router.Found) router.match("GET", "/v1/status/leader")).route().handler());
    }

    @Test
    void pathsUnderV1NoRouteHasGoToTheFallbackWithItsBodyLimit() {
        FallbackHandler forward = fallback(1024);
        router.fallback(forward);
        Router.Fallback fallback = assertInstanceOf(Router.Fallback.class, router.match("POST", "/v1/catalog/x"));
        assertSame(forward, fallback.route().handler());
        assertEquals("POST", fallback.route().method());
        assertEquals(1024, fallback.route().bodyLimit().maxBytes());
        assertInstanceOf(Router.Found.class, router.match("GET", "/v1/kv/a"));
        assertInstanceOf(Router.NotAllowed.class, router.match("DELETE", "/v1/kv/a"), "a local path keeps its 405");
        assertInstanceOf(Router.NotFound.class, router.match("GET", "/ui/"), "only /v1/ is forwarded");
    }

    @Test
    void aFallbackLeavesOnlyIfNotReplaced() {
        FallbackHandler first = fallback(1);
        FallbackHandler second = fallback(2);
        router.fallback(first);
        router.fallback(second);
        router.removeFallback(first);
        assertSame(second, ((Router.Fallback) router.match("GET", "/v1/x")).route().handler());
        router.removeFallback(second);
        assertInstanceOf(Router.NotFound.class, router.match("GET", "/v1/x"));
    }

    private static FallbackHandler fallback(int maxBodyBytes) {
        return new FallbackHandler() {
            @Override
            public int maxBodyBytes() {
                return maxBodyBytes;
            }

            @Override
            public CompletableFuture<Response> handle(Request request) {
                return CompletableFuture.completedFuture(Response.ok());
            }
        };
    }

    @Test
    void tableRejectsDuplicatesAndRelativePaths() {
        RouteCollector table = new RouteCollector("dc1");
        table.get("/v1/a", leader);
        assertThrows(IllegalArgumentException.class, () -> table.get("/v1/a", leader));
        assertThrows(IllegalArgumentException.class, () -> table.get("v1/b", leader));
    }
}
