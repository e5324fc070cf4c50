package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.raft.testing.InMemoryState;

import org.junit.jupiter.api.Test;

class CatalogTxnTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryState state = new InMemoryState();
    private final CatalogCommandHandler handler = new CatalogCommandHandler();
    private final DecodedRecords records = new DecodedRecords(100);

    private JsonNode run(String element) throws Exception {
        byte[] payload = ("{\"Txn\":" + element + "}").getBytes(StandardCharsets.UTF_8);
        assertTrue(CatalogTxn.isTxn(payload));
        return JSON.readTree(state.applyCommand(handler, payload));
    }

    private CatalogReads reads() {
        return new CatalogReads(state, "dc1", records);
    }

    @Test
    void nodeVerbs() throws Exception {
        JsonNode set = run("{\"Node\":{\"Verb\":\"set\",\"Node\":{\"Node\":\"n1\",\"Address\":\"10.0.0.1\","
                + "\"Meta\":{\"rack\":\"a\"}}}}");
        assertEquals("n1", set.get("Node").get("Node").asText());
        assertEquals(Map.of("rack", "a"), reads().node("n1").orElseThrow().meta());
        long index = set.get("Node").get("ModifyIndex").asLong();
        assertEquals("failed to set node \"n1\", index is stale",
                run("{\"node\":{\"verb\":\"cas\",\"node\":{\"node\":\"n1\",\"address\":\"x\",\"ModifyIndex\":99}}}")
                        .get("Error").asText());
        assertEquals("10.0.0.1", run("{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n1\"}}}").get("Node")
                .get("Address").asText());
        assertEquals("node \"n2\" doesn't exist",
                run("{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n2\"}}}").get("Error").asText());
        assertEquals("failed to delete node \"n1\", index is stale",
                run("{\"Node\":{\"Verb\":\"delete-cas\",\"Node\":{\"Node\":\"n1\",\"ModifyIndex\":99}}}")
                        .get("Error").asText());
        assertFalse(run("{\"Node\":{\"Verb\":\"delete-cas\",\"Node\":{\"Node\":\"n1\",\"ModifyIndex\":" + index
                + "}}}").has("Error"));
        assertTrue(reads().node("n1").isEmpty());
    }

    @Test
    void serviceAndCheckVerbs() throws Exception {
        assertEquals("Missing node registration", run("{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\","
                + "\"Service\":{\"Service\":\"web\",\"Port\":80}}}").get("Error").asText());
        run("{\"Node\":{\"Verb\":\"set\",\"Node\":{\"Node\":\"n1\",\"Address\":\"10.0.0.1\"}}}");
        JsonNode web = run("{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\",\"Service\":{\"Service\":\"web\","
                + "\"Port\":80,\"Tags\":[\"a\"]}}}");
        assertEquals("web", web.get("Service").get("ID").asText());
        assertEquals(80, reads().nodeServices("n1").orElseThrow().services().get(0).port());
        assertEquals("Missing service registration", run("{\"Check\":{\"Verb\":\"set\",\"Check\":{\"Node\":\"n1\","
                + "\"CheckID\":\"c\",\"ServiceID\":\"db\"}}}").get("Error").asText());
        JsonNode check = run("{\"Check\":{\"Verb\":\"set\",\"Check\":{\"Node\":\"n1\",\"CheckID\":\"c\","
                + "\"Status\":\"passing\",\"ServiceID\":\"web\"}}}");
        assertEquals("passing", check.get("Check").get("Status").asText());
        assertEquals("web", check.get("Check").get("ServiceName").asText());
        assertEquals("check \"x\" on node \"n1\" doesn't exist",
                run("{\"Check\":{\"Verb\":\"get\",\"Check\":{\"Node\":\"n1\",\"CheckID\":\"x\"}}}").get("Error")
                        .asText());
        assertFalse(run("{\"Service\":{\"Verb\":\"delete\",\"Node\":\"n1\",\"Service\":{\"ID\":\"web\"}}}")
                .has("Error"));
        assertTrue(reads().nodeChecks("n1").isEmpty(), "the service's checks go with it");
        assertEquals("unknown Service verb \"frob\"",
                run("{\"Service\":{\"Verb\":\"frob\",\"Node\":\"n1\",\"Service\":{\"ID\":\"web\"}}}").get("Error")
                        .asText());
    }

    @Test
    void ordinaryCommandsAreNotTransactionElements() {
        assertFalse(CatalogTxn.isTxn(CatalogCommand.deregister(new io.cairn.catalog.api.Deregistration("n", "", ""))
                .encode()));
    }
}
