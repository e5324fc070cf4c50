package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.api.Watch;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

class CoordinateEndpointsTest {

    private final FakeRaft raft = new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler())
            .handle(CoordinateCommand.COMMAND_TYPE, new CoordinateCommandHandler());
    private final CoordinateUpdates updates = new CoordinateUpdates(CoordinateUpdates.BATCH_SIZE,
            CoordinateUpdates.MAX_BATCHES,
            batch -> raft.submit(CoordinateCommand.COMMAND_TYPE, new CoordinateCommand(batch).encode()));
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void catalogAndRoutes() {
        for (String node : List.of("s1", "s2", "web1", "web2")) {
            raft.submit(CatalogStateMachine.COMMAND_TYPE,
                    CatalogCommand.register(Fixtures.node(node, Map.of())).encode());
        }
        new CoordinateEndpoints("dc1", updates).routes(http);
    }

    private static String update(String node, double x) {
        return "{\"Node\":\"" + node + "\",\"Segment\":\"\",\"Coord\":{\"Vec\":[" + x
                + ",0,0,0,0,0,0,0],\"Error\":0.2,\"Adjustment\":0.001,\"Height\":0.00001}}";
    }

    private Response put(String body, String... query) {
        return http.call("PUT", "/v1/coordinate/update", FakeRequest.of("PUT", "", query).body(body));
    }

    private Answer read(String route, String argument, String... query) {
        return http.read(route, FakeRequest.of("GET", argument, query), raft.state());
    }

    private static JsonNode json(Response response) {
        return FakeRequest.JSON.valueToTree(response.jsonBody());
    }

    @Test
    void updatesAreBufferedThenWrittenAndListedByNodeInConsulsShape() {
        assertEquals(200, put(update("web2", 0.02)).status());
        assertEquals(200, put(update("web1", 0.01)).status());
        assertEquals("[]", json(read("/v1/coordinate/nodes", "").response()).toString(), "not written yet");

        updates.flush();

        JsonNode nodes = json(read("/v1/coordinate/nodes", "").response());
        assertEquals(2, nodes.size());
        assertEquals("web1", nodes.get(0).get("Node").asText());
        assertEquals("web2", nodes.get(1).get("Node").asText());
        assertEquals("{\"Node\":\"web1\",\"Segment\":\"\",\"Coord\":{\"Vec\":[0.01,0.0,0.0,0.0,0.0,0.0,0.0,0.0],"
                + "\"Error\":0.2,\"Adjustment\":0.001,\"Height\":1.0E-5}}", nodes.get(0).toString());
    }

    @Test
    void anUnknownNodesUpdateIsAcceptedAndIgnored() {
        assertEquals(200, put(update("ghost", 0.02)).status());
        updates.flush();
        assertEquals(0, json(read("/v1/coordinate/nodes", "").response()).size());
    }

    @Test
    void oneNodesCoordinatesOr404() {
        put(update("web1", 0.01));
        updates.flush();

        JsonNode web1 = json(read("/v1/coordinate/node/", "web1").response());
        assertEquals(1, web1.size());
        assertEquals(0.01, web1.get(0).get("Coord").get("Vec").get(0).asDouble());
        Response none = read("/v1/coordinate/node/", "web2").response();
        assertEquals(404, none.status());
        assertEquals(0, none.rawBody().length);
        assertEquals(404, read("/v1/coordinate/node/", "web1", "segment=alpha").response().status());
    }

    @Test
    void theSegmentParameterFilters() {
        put(update("web1", 0.01));
        put(update("web2", 0.02).replace("\"Segment\":\"\"", "\"Segment\":\"alpha\""));
        updates.flush();

        assertEquals(2, json(read("/v1/coordinate/nodes", "").response()).size());
        JsonNode alpha = json(read("/v1/coordinate/nodes", "", "segment=alpha").response());
        assertEquals(1, alpha.size());
        assertEquals("web2", alpha.get(0).get("Node").asText());
        assertEquals("web1", json(read("/v1/coordinate/nodes", "", "segment=").response()).get(0).get("Node")
                .asText());
    }

    @Test
    void readsBlockOnTheCoordinateTableAndReportItsIndex() {
        Watch watch = http.watch("/v1/coordinate/nodes", FakeRequest.of("GET", ""));
        assertEquals(new Watch(CoordinateTable.TABLE, ""), watch);
        assertEquals(1, read("/v1/coordinate/nodes", "").index(), "an empty table still has an index to block on");

        put(update("web1", 0.01));
        updates.flush();

        long index = read("/v1/coordinate/nodes", "").index();
        assertEquals(raft.state().index(CoordinateTable.TABLE, ""), index);
        assertEquals(index, read("/v1/coordinate/node/", "web1").index());
        raft.submit(CatalogStateMachine.COMMAND_TYPE, CatalogCommand.register(
                Fixtures.node("web3", Map.of())).encode());
        assertEquals(index, read("/v1/coordinate/nodes", "").index(), "catalog writes do not move it");
    }

    @Test
    void badUpdatesAreRefusedWith400AndNothingIsBuffered() {
        assertEquals("incompatible coordinate: Vec must have 8 components, not 2", refusal(
                "{\"Node\":\"web1\",\"Coord\":{\"Vec\":[0.1,0.2],\"Error\":0.2,\"Adjustment\":0,\"Height\":0}}"));
        assertEquals("invalid coordinate: Vec, Error, Adjustment and Height must all be finite numbers", refusal(
                "{\"Node\":\"web1\",\"Coord\":{\"Vec\":[0,0,0,null,0,0,0,0],\"Error\":0.2}}"));
        assertEquals("invalid coordinate: the body needs a Coord object with Vec, Error, Adjustment and Height",
                refusal("{\"Node\":\"web1\"}"));
        assertEquals("Missing node name", refusal(update("", 0.1)));
        assertTrue(refusal("{\"Node\":\"web1\",\"Coord\":{\"Vec\":\"x\"}}").startsWith("Request decode failed: "));
        assertEquals(0, updates.pending());
        assertEquals(CoordinateEndpoints.MAX_UPDATE_BODY_BYTES, http.maxBody("PUT", "/v1/coordinate/update"));
    }

    @Test
    void anUpdateForAnotherDatacenterIsRefusedUnlessDcNamesThisOne() {
        // the server refuses a ?dc= for another datacenter; the body's is the endpoint's to refuse, unless ?dc= wins
        String otherDc = "{\"Datacenter\":\"dc2\"," + update("web1", 0.1).substring(1);
        HttpException refused = assertThrows(HttpException.class, () -> put(otherDc));
        assertEquals(500, refused.status());
        assertEquals("No path to datacenter", refused.getMessage());
        assertEquals(0, updates.pending());
        put(otherDc, "dc=dc1");
        assertEquals(1, updates.pending());
    }

    private String refusal(String body) {
        HttpException refused = assertThrows(HttpException.class, () -> put(body));
        assertEquals(400, refused.status());
        return refused.getMessage();
    }
}
