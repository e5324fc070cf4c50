package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

/** Consul's ACLs on {@code /v1/coordinate}: node:read to read, node:write to update. */
class CoordinateAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";

    private final FakeRaft raft = new FakeRaft()
            .handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler())
            .handle(CoordinateCommand.COMMAND_TYPE, new CoordinateCommandHandler());
    private final CoordinateUpdates updates = new CoordinateUpdates(CoordinateUpdates.BATCH_SIZE,
            CoordinateUpdates.MAX_BATCHES,
            batch -> raft.submit(CoordinateCommand.COMMAND_TYPE, new CoordinateCommand(batch).encode()));
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void coordinates() {
        for (String node : List.of("web1", "web2", "web3")) {
            raft.submit(CatalogStateMachine.COMMAND_TYPE,
                    CatalogCommand.register(Fixtures.node(node, Map.of())).encode());
        }
        new CoordinateEndpoints("dc1", updates).routes(http);
        update("web1", new FakeRequest());
        update("web2", new FakeRequest());
        updates.flush();
    }

    private Response update(String node, FakeRequest request) {
        return http.call("PUT", "/v1/coordinate/update", request.body("{\"Node\":\"" + node
                + "\",\"Coord\":{\"Vec\":[0.1,0,0,0,0,0,0,0],\"Error\":0.2,\"Adjustment\":0,\"Height\":0.00001}}"));
    }

    private Response read(String route, String argument, FakeRequest request) {
        return http.read(route, request.argument(argument), raft.state()).response();
    }

    private int listed(FakeRequest request) {
        return ((List<?>) read("/v1/coordinate/nodes", "", request).jsonBody()).size();
    }

    @Test
    void theNodeListKeepsTheNodesTheTokenMayRead() {
        Response nodes = read("/v1/coordinate/nodes", "",
                new FakeRequest().rules("node \"web1\" { policy = \"read\" }"));
        assertEquals(1, ((List<?>) nodes.jsonBody()).size());
        assertEquals("true", nodes.headers().get(FILTERED));
        Response all = read("/v1/coordinate/nodes", "",
                new FakeRequest().rules("node_prefix \"web\" { policy = \"read\" }"));
        assertEquals(2, ((List<?>) all.jsonBody()).size());
        assertNull(all.headers().get(FILTERED));
    }

    @Test
    void aNodesCoordinatesNeedNodeRead() {
        HttpException denied = assertThrows(HttpException.class,
                () -> read("/v1/coordinate/node/", "web2",
                        new FakeRequest().rules("node \"web1\" { policy = \"read\" }")));
        assertEquals(403, denied.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'node:read' on \"web2\"", denied.getMessage());
        assertEquals(200, read("/v1/coordinate/node/", "web1",
                new FakeRequest().rules("node \"web1\" { policy = \"read\" }")).status());
    }

    @Test
    void anUpdateNeedsNodeWriteAndIsDroppedWithoutIt() {
        HttpException denied = assertThrows(HttpException.class,
                () -> update("web3", new FakeRequest().rules("node \"web1\" { policy = \"write\" }")));
        assertEquals(403, denied.status());
        assertEquals(200, update("web1", new FakeRequest().rules("node \"web1\" { policy = \"write\" }")).status());
        updates.flush();
        assertEquals(2, listed(new FakeRequest()));
    }
}
