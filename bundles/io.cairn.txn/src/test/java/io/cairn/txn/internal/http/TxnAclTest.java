package io.cairn.txn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.kv.internal.KvCommandHandler;
import io.cairn.kv.internal.KvStateMachine;
import io.cairn.kv.internal.LockDelays;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.testing.FakeRaft;
import io.cairn.txn.internal.TxnCommandHandler;
import io.cairn.txn.internal.TxnExecutor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /v1/txn} under a token's rules: a denied operation is one of the 409's errors and nothing runs; results
 * the token may not read are left out, and a read-only transaction says so.
 */
class TxnAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    private static final String RULES = """
            key_prefix "app/" { policy = "write" }
            key "app/locked" { policy = "read" }
            key_prefix "ro/" { policy = "read" }
            node "n1" { policy = "write" }
            node "n2" { policy = "read" }
            service "web" { policy = "write" }
            service "db" { policy = "read" }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KvCommandHandler kv = new KvCommandHandler(new LockDelays());
    /** Answers each catalog element with the entity it names, as the catalog handler answers a stored one. */
    private final CommandHandler catalog = (payload, state) -> entity(payload);
    private final FakeRaft raft = new FakeRaft().handle(TxnCommandHandler.COMMAND_TYPE, new TxnCommandHandler())
            .handle(TxnExecutor.KV, kv).handle(TxnExecutor.CATALOG, catalog);
    private final FakeRoutes routes = new FakeRoutes();

    TxnAclTest() {
        new TxnEndpoint(raft, kv, catalog).routes(routes);
    }

    @BeforeEach
    void fill() {
        StringBuilder body = new StringBuilder("[");
        for (String key : List.of("app/a", "app/locked", "ro/x", "secret/s")) {
            body.append(body.length() > 1 ? "," : "").append(set(key));
        }
        assertEquals(200, txn(new FakeRequest(), body + "]").status());
    }

    private static byte[] entity(byte[] payload) {
        try {
            Map.Entry<String, JsonNode> element = JSON.readTree(payload).get("Txn").fields().next();
            JsonNode op = element.getValue();
            JsonNode entity = switch (element.getKey()) {
                case "Node" -> op.get("Node");
                case "Service" -> op.get("Service");
                default -> op.get("Check");
            };
            return JSON.writeValueAsBytes(Map.of(element.getKey(), entity));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String set(String key) {
        return "{\"KV\":{\"Verb\":\"set\",\"Key\":\"" + key + "\",\"Value\":\"eA==\"}}";
    }

    private static String kv(String verb, String key) {
        return "{\"KV\":{\"Verb\":\"" + verb + "\",\"Key\":\"" + key + "\"}}";
    }

    private Response txn(FakeRequest request, String body) {
        return routes.call("PUT", "/v1/txn", request.method("PUT").body(body));
    }

    private static FakeRequest token() {
        return new FakeRequest().rules(RULES);
    }

    private static TxnResultJson.ErrorJson denied(int opIndex, String permission, String resource) {
        return new TxnResultJson.ErrorJson(opIndex, "Permission denied: token with AccessorID '"
                + FakeRequest.TEST_ACCESSOR + "' lacks permission '" + permission + "' on \"" + resource + "\"");
    }

    /** Each result as {@code KV:<key>} or the catalog entity's JSON. */
    private static List<String> results(Response response) {
        return ((TxnResultJson) response.jsonBody()).results().stream()
                .map(r -> r instanceof TxnResultJson.ResultJson kvResult ? "KV:" + kvResult.kv().key() : r.toString())
                .toList();
    }

    private String stored(String key) {
        return raft.state().get(KvStateMachine.TABLE, key).map(e -> "stored").orElse("absent");
    }

    @Test
    void allowedOperationsRun() {
        long index = raft.state().get(KvStateMachine.TABLE, "ro/x").orElseThrow().modifyIndex();
        Response ok = txn(token(), "[" + set("app/new") + "," + kv("check-index", "ro/x").replace("}}",
                ",\"Index\":" + index + "}}") + ",{\"Node\":{\"Verb\":\"set\",\"Node\":{\"Node\":\"n1\"}}},"
                + "{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\",\"Service\":{\"Service\":\"web\"}}},"
                + "{\"Check\":{\"Verb\":\"set\",\"Check\":{\"Node\":\"n1\",\"CheckID\":\"c\"}}}]");
        assertEquals(200, ok.status(), String.valueOf(ok.jsonBody()));
        assertEquals("stored", stored("app/new"));
    }

    @Test
    void everyDeniedOperationIsAnErrorAndNothingRuns() {
        int before = raft.submitted();
        Response refused = txn(token(), "[" + String.join(",",
                set("app/b"),
                set("ro/x"),
                kv("check-index", "secret/s"),
                kv("delete-tree", "app/"),
                kv("get", "secret/s"),
                "{\"Node\":{\"Verb\":\"set\",\"Node\":{\"Node\":\"n2\"}}}",
                "{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\",\"Service\":{\"Service\":\"db\"}}}",
                "{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\",\"Service\":{\"Service\":\"web\","
                        + "\"Kind\":\"connect-proxy\",\"Proxy\":{\"DestinationServiceName\":\"db\"}}}}",
                "{\"Check\":{\"Verb\":\"set\",\"Check\":{\"Node\":\"n1\",\"CheckID\":\"c\",\"ServiceID\":\"db1\","
                        + "\"ServiceName\":\"db\"}}}",
                "{\"check\":{\"verb\":\"delete\",\"check\":{\"node\":\"n2\",\"checkid\":\"c\"}}}",
                kv("set", ""),
                "{\"Service\":{\"Verb\":\"set\",\"Node\":\"n1\",\"Service\":{\"Service\":\"consul\"}}}") + "]");
        assertEquals(409, refused.status());
        assertEquals(List.of(denied(1, "key:write", "ro/x"), denied(2, "key:read", "secret/s"),
                denied(3, "key:write", "app/"), denied(5, "node:write", "n2"), denied(6, "service:write", "db"),
                denied(7, "service:write", "db"), denied(8, "service:write", "db"), denied(9, "node:write", "n2"),
                new TxnResultJson.ErrorJson(10, "Missing key name")),
                ((TxnResultJson) refused.jsonBody()).errors());
        assertEquals(before, raft.submitted(), "refused before the log");
        assertEquals("absent", stored("app/b"));
    }

    @Test
    void aReadOnlyTransactionLeavesOutWhatTheTokenCannotReadAndSaysSo() {
        Response read = txn(token(), "[" + String.join(",",
                kv("get", "app/a"),
                kv("get", "secret/s"),
                kv("get-tree", ""),
                "{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n1\"}}}",
                "{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n3\"}}}",
                "{\"Service\":{\"Verb\":\"get\",\"Node\":\"n3\",\"Service\":{\"Service\":\"other\"}}}",
                "{\"Check\":{\"Verb\":\"get\",\"Check\":{\"Node\":\"n3\",\"ServiceName\":\"db\"}}}",
                "{\"Check\":{\"Verb\":\"get\",\"Check\":{\"Node\":\"n3\",\"CheckID\":\"c\"}}}") + "]");
        assertEquals(200, read.status());
        assertEquals(List.of("KV:app/a", "KV:app/a", "KV:app/locked", "KV:ro/x", "{\"Node\":{\"Node\":\"n1\"}}",
                "{\"Check\":{\"Node\":\"n3\",\"ServiceName\":\"db\"}}"), results(read));
        assertEquals("true", read.headers().get(FILTERED));

        Response all = txn(new FakeRequest(), "[" + kv("get-tree", "") + "]");
        assertEquals(4, results(all).size());
        assertNull(all.headers().get(FILTERED));
    }

    @Test
    void aWriteTransactionLeavesOutUnreadableResultsToo() {
        Response written = txn(token(), "[" + set("app/b") + "," + kv("get", "secret/s") + "]");
        assertEquals(200, written.status());
        assertEquals(List.of("KV:app/b"), results(written));
        assertEquals("stored", stored("app/b"));
    }
}
