package io.cairn.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.cairn.filter.ConsulShapes;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/** What the fake table does as the server does: datacenter scope and {@code ?filter=} over declared elements. */
class FakeRoutesTest {

    private static final List<Map<String, String>> NODES = List.of(Map.of("Node", "web"), Map.of("Node", "db"));

    private final AtomicInteger served = new AtomicInteger();
    private final FakeRoutes routes = new FakeRoutes();

    FakeRoutesTest() {
        StateQuery nodes = new StateQuery() {
            @Override
            public Watch watch(Request request) {
                served.incrementAndGet();
                return new Watch("catalog", "");
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(7, Response.json(NODES));
            }
        };
        routes.get("/v1/agent/members", ConsulShapes.NODE, this::nodes)
                .datacenterScoped()
                .read("/v1/catalog/nodes", ConsulShapes.NODE, nodes)
                .put("/v1/kv/", this::nodes);
    }

    private CompletableFuture<Response> nodes(Request request) {
        served.incrementAndGet();
        return CompletableFuture.completedFuture(Response.json(NODES));
    }

    @Test
    void notesEachRoutesShapeAndScope() {
        assertEquals(Optional.of(ConsulShapes.NODE), routes.elementShape("GET", "/v1/catalog/nodes"));
        assertEquals(Optional.empty(), routes.elementShape("PUT", "/v1/kv/"));
        assertTrue(routes.datacenterScoped("GET", "/v1/catalog/nodes"));
        assertTrue(routes.datacenterScoped("PUT", "/v1/kv/"));
        assertFalse(routes.datacenterScoped("GET", "/v1/agent/members"));
        assertThrows(AssertionError.class, () -> routes.datacenterScoped("DELETE", "/v1/kv/"));
    }

    @Test
    void anotherDatacenterIsRefusedBeforeTheRouteRunsAndTheOwnOrNoneIsServed() {
        HttpException refused = assertThrows(HttpException.class,
                () -> routes.call("PUT", "/v1/kv/", FakeRequest.of("PUT", "k", "dc=dc2")));
        assertEquals(500, refused.status());
        assertEquals("No path to datacenter", refused.getMessage());
        assertThrows(HttpException.class,
                () -> routes.read("/v1/catalog/nodes", FakeRequest.of("GET", "", "dc=dc2"), null));
        assertEquals(0, served.get());
        routes.call("PUT", "/v1/kv/", FakeRequest.of("PUT", "k", "dc=dc1"));
        routes.call("PUT", "/v1/kv/", FakeRequest.of("PUT", "k", "dc="));
        routes.call("GET", "/v1/agent/members", FakeRequest.of("GET", "", "dc=dc2"));
        assertEquals(3, served.get());
    }

    @Test
    void theScopedTableStaysScopedAndServesTheTablesDatacenter() {
        FakeRoutes east = new FakeRoutes("east");
        east.datacenterScoped().put("/v1/kv/", this::nodes).datacenterScoped().get("/v1/status/leader", this::nodes);
        assertTrue(east.datacenterScoped("GET", "/v1/status/leader"));
        assertThrows(HttpException.class,
                () -> east.call("GET", "/v1/status/leader", FakeRequest.of("GET", "", "dc=dc1")));
        east.call("GET", "/v1/status/leader", FakeRequest.of("GET", "", "dc=east"));
        assertEquals(List.of("PUT /v1/kv/", "GET /v1/status/leader"), east.declared());
    }

    @Test
    void declaredElementsAreFilteredAndTheIndexIsTheWholeAnswers() {
        Answer read = routes.read("/v1/catalog/nodes", FakeRequest.of("GET", "", "filter=Node == db"), null);
        assertEquals(7, read.index());
        assertEquals(List.of("db"), names(read.response()));
        Response members = routes.call("GET", "/v1/agent/members", FakeRequest.of("GET", "", "filter=Node != db"));
        assertEquals(List.of("web"), names(members));
        assertEquals(List.of("web", "db"), names(routes.call("PUT", "/v1/kv/", FakeRequest.of("PUT", "k",
                "filter=Node == db"))));
    }

    @Test
    void aBadFilterIsRefusedBeforeAnythingRuns() {
        HttpException refused = assertThrows(HttpException.class,
                () -> routes.watch("/v1/catalog/nodes", FakeRequest.of("GET", "", "filter=Nope == 1")));
        assertEquals(400, refused.status());
        assertThrows(HttpException.class,
                () -> routes.call("GET", "/v1/agent/members", FakeRequest.of("GET", "", "filter=bad ===")));
        assertEquals(0, served.get());
    }

    private static List<String> names(Response response) {
        JsonNode json = FakeRequest.JSON.valueToTree(response.jsonBody());
        return json.findValuesAsText("Node");
    }
}
