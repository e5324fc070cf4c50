package io.cairn.txn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cairn.http.api.HttpException;
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

import org.junit.jupiter.api.Test;

/**
 * {@code PUT /v1/txn} refuses what a client got wrong before anything is written: with 409 and the operation's
 * index for an operation its owner refuses, as Consul's pre-checks do, and with 400 for a body Go would not decode
 * or UTF-8 cannot carry.
 */
class TxnEndpointRefusalsTest {

    private final KvCommandHandler kv = new KvCommandHandler(new LockDelays());
    private final CommandHandler catalog = (payload, state) -> {
        throw new AssertionError("no catalog element in these transactions");
    };
    private final FakeRaft raft = new FakeRaft().handle(TxnCommandHandler.COMMAND_TYPE, new TxnCommandHandler())
            .handle(TxnExecutor.KV, kv).handle(TxnExecutor.CATALOG, catalog);
    private final FakeRoutes routes = new FakeRoutes();

    TxnEndpointRefusalsTest() {
        new TxnEndpoint(raft, kv, catalog).routes(routes);
    }

    private Response txn(byte[] body) {
        return routes.call("PUT", "/v1/txn", FakeRequest.of("PUT", "").body(body));
    }

    private Response txn(String body) {
        return txn(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The 400's text for {@code body}; nothing may have reached the log. */
    private String badRequest(byte[] body) {
        HttpException refused = assertThrows(HttpException.class, () -> txn(body));
        assertEquals(400, refused.status(), refused.getMessage());
        assertEquals(0, raft.submitted());
        return refused.getMessage();
    }

    private String badRequest(String body) {
        return badRequest(body.getBytes(StandardCharsets.UTF_8));
    }

    private boolean stored(String key) {
        return raft.state().get(KvStateMachine.TABLE, key).isPresent();
    }

    @Test
    void aSetWithoutAKeyIsRefusedAndCreatesNoEmptyKey() {
        Response refused = txn("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\",\"Value\":\"aGk=\"}},"
                + "{\"KV\":{\"Verb\":\"set\",\"Value\":\"aGk=\"}},{\"KV\":{\"Verb\":\"get\",\"Key\":\"\"}}]");
        assertEquals(409, refused.status());
        assertEquals(List.of(new TxnResultJson.ErrorJson(1, "Missing key name"),
                new TxnResultJson.ErrorJson(2, "Missing key name")), ((TxnResultJson) refused.jsonBody()).errors());
        assertEquals(0, raft.submitted(), "refused before the log");
        assertTrue(!stored("") && !stored("a"), "nothing is written, not even the valid operation");
    }

    @Test
    void treeVerbsStillTakeTheEmptyPrefix() {
        assertEquals(200, txn("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\"}},"
                + "{\"KV\":{\"Verb\":\"delete-tree\",\"Key\":\"\"}}]").status());
        assertEquals(200, txn("[{\"KV\":{\"Verb\":\"get-tree\"}}]").status());
    }

    @Test
    void flagsAndIndexAreUnsigned64BitIntegersAsGoReadsThem() {
        assertEquals("Failed to parse body: json: cannot unmarshal string into Go struct field TxnOp.KV.Flags of type"
                + " uint64", badRequest("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\",\"Flags\":\"5\"}}]"));
        assertEquals("Failed to parse body: json: cannot unmarshal number 1.5 into Go struct field TxnOp.KV.Flags of"
                + " type uint64", badRequest("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\",\"flags\":1.5}}]"));
        assertEquals("Failed to parse body: json: cannot unmarshal number -1 into Go struct field TxnOp.KV.Index of"
                + " type uint64", badRequest("[{\"KV\":{\"Verb\":\"cas\",\"Key\":\"a\",\"Index\":-1}}]"));
        assertEquals("Failed to parse body: json: cannot unmarshal number 18446744073709551616 into Go struct field"
                + " TxnOp.KV.Index of type uint64",
                badRequest("[{\"KV\":{\"Verb\":\"cas\",\"Key\":\"a\",\"Index\":18446744073709551616}}]"));
        assertEquals("Failed to parse body: json: cannot unmarshal bool into Go struct field TxnOp.KV.Flags of type"
                + " uint64", badRequest("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\",\"Flags\":true}}]"));
        assertEquals(200, txn("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\",\"Flags\":18446744073709551615}}]")
                .status());
    }

    @Test
    void aKeyWithAnUnpairedSurrogateEscapeIsRefusedNotRewritten() {
        assertEquals("Invalid key: unpaired UTF-16 surrogate \\ud800 at index 1; a key must be valid Unicode",
                badRequest("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a\\ud800\"}}]"));
        badRequest("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"\\udfff\"}}]");
        assertEquals(200, txn("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"\\ud83d\\ude00\"}}]").status());
        assertTrue(stored("\ud83d\ude00"));
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedBeforeItIsRead() {
        // An overlong "/" (C0 AF), an encoded surrogate (ED A0 80) and a byte no UTF-8 has (FF): Jackson would read
        // the first two as "/" and U+D800.
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xFF})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("[{\"KV\":{\"Verb\":\"set\",\"Key\":\"a".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("b\"}}]".getBytes(StandardCharsets.UTF_8));
            assertEquals("Failed to parse body: invalid UTF-8 at byte offset 29", badRequest(body.toByteArray()));
        }
    }
}
