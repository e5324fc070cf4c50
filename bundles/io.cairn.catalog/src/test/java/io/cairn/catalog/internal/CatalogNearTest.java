package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.CoordinateCommandTest.coordinate;
import static io.cairn.catalog.internal.Fixtures.check;
import static io.cairn.catalog.internal.Fixtures.instance;
import static io.cairn.catalog.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Registration;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

/**
 * {@code ?near} on the catalog and health reads that Consul sorts. Nodes a..e each run one {@code web} instance
 * with a critical check; coordinates on one axis, in seconds: agent (this agent's node, "_agent") at 0, a at 0.045,
 * b at 0.010, c at 0.030, d at 0.020; e has none.
 */
class CatalogNearTest {

    private static final List<String> BY_NAME = List.of("a", "agent", "b", "c", "d", "e");

    private final FakeRaft raft = new FakeRaft()
            .handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler())
            .handle(CoordinateCommand.COMMAND_TYPE, new CoordinateCommandHandler());
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void catalog() {
        RaftCatalog catalog = new RaftCatalog(raft, Fixtures.config("dc1"));
        new CatalogEndpoints(catalog, Fixtures.agent("agent")).routes(http);
        for (String node : BY_NAME) {
            Registration r = node.equals("agent") ? Fixtures.node(node, Map.of())
                    : instance(node, service("web", "web"), check("alive", "web", CheckStatus.CRITICAL));
            catalog.register(r).toCompletableFuture().join();
        }
        raft.submit(CoordinateCommand.COMMAND_TYPE, new CoordinateCommand(List.of(coordinate("agent", 0.0),
                coordinate("a", 0.045), coordinate("b", 0.010), coordinate("c", 0.030), coordinate("d", 0.020)))
                .encode()).toCompletableFuture().join();
    }

    /** The node of each element the read returns, in order. */
    private List<String> nodes(String route, String argument, String... query) {
        JsonNode answer = FakeRequest.JSON.valueToTree(
                http.read(route, FakeRequest.of("GET", argument, query), raft.state()).response().jsonBody());
        List<String> nodes = new ArrayList<>();
        for (JsonNode element : answer) {
            nodes.add(element.has("Node") && element.get("Node").isObject()
                    ? element.get("Node").get("Node").asText()
                    : element.get("Node").asText());
        }
        return nodes;
    }

    @Test
    void everyReadConsulSortsIsNearestFirstWithNodesWithoutACoordinateLast() {
        assertEquals(List.of("agent", "b", "d", "c", "a", "e"), nodes("/v1/catalog/nodes", "", "near=agent"));
        List<String> webByDistance = List.of("b", "d", "c", "a", "e");
        assertEquals(webByDistance, nodes("/v1/catalog/service/", "web", "near=agent"));
        assertEquals(webByDistance, nodes("/v1/health/service/", "web", "near=agent"));
        assertEquals(webByDistance, nodes("/v1/health/checks/", "web", "near=agent"));
        assertEquals(webByDistance, nodes("/v1/health/state/", "critical", "near=agent"));
    }

    @Test
    void theOrderIsFromTheNamedNode() {
        assertEquals(List.of("c", "d", "a", "b", "e"), nodes("/v1/health/service/", "web", "near=c"));
    }

    @Test
    void agentMeansThisAgentsNode() {
        assertEquals(List.of("agent", "b", "d", "c", "a", "e"), nodes("/v1/catalog/nodes", "", "near=_agent"));
    }

    @Test
    void withoutNearOrWithoutTheNearNodesCoordinateTheUsualOrderStands() {
        assertEquals(BY_NAME, nodes("/v1/catalog/nodes", ""));
        assertEquals(BY_NAME, nodes("/v1/catalog/nodes", "", "near="));
        assertEquals(BY_NAME, nodes("/v1/catalog/nodes", "", "near=nobody"));
        assertEquals(BY_NAME, nodes("/v1/catalog/nodes", "", "near=e"));
    }

    @Test
    void coordinateUpdatesDoNotMoveTheCatalogIndex() {
        long before = http.read("/v1/catalog/nodes", FakeRequest.of("GET", "", "near=agent"), raft.state()).index();
        raft.submit(CoordinateCommand.COMMAND_TYPE, new CoordinateCommand(List.of(coordinate("e", 0.001))).encode());

        assertEquals(before, http.read("/v1/catalog/nodes", FakeRequest.of("GET", "", "near=agent"), raft.state())
                .index());
        assertEquals(List.of("agent", "e", "b", "d", "c", "a"), nodes("/v1/catalog/nodes", "", "near=agent"));
    }
}
