package io.cairn.txn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.txn.internal.TxnCommand;
import io.cairn.txn.internal.TxnOutcome;

import org.junit.jupiter.api.Test;

class TxnRequestsTest {

    private static TxnRequests.Parsed parsed(String body) {
        return TxnRequests.parse(FakeRequest.of("PUT", "").body(body), 512 * 1024, 128);
    }

    private static TxnCommand parse(String body) {
        return parsed(body).command();
    }

    @Test
    void kvOperationsDecodeWithConsulNames() {
        TxnCommand command = parse("[{\"KV\":{\"Verb\":\"cas\",\"Key\":\"a\",\"Value\":\"aGk=\","
                + "\"Flags\":18446744073709551615,\"Index\":7}},{\"kv\":{\"verb\":\"check-session\",\"key\":\"b\","
                + "\"session\":\"s\"}}]");
        KvOperation cas = KvOperation.decode(command.ops().get(0).payload());
        assertEquals(KvOperation.Verb.CAS, cas.verb());
        assertEquals("hi", new String(cas.value()));
        assertEquals(-1L, cas.flags());
        assertEquals(7, cas.index());
        assertEquals("s", KvOperation.decode(command.ops().get(1).payload()).session());
        assertFalse(parsed("[{\"KV\":{\"Verb\":\"cas\",\"Key\":\"a\"}}]").readOnly());
        assertTrue(parsed("[{\"KV\":{\"Verb\":\"get\",\"Key\":\"a\"}}]").readOnly());
    }

    @Test
    void limitsAnswer413() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 129; i++) {
            many.append(i == 0 ? "" : ",").append("{\"KV\":{\"Verb\":\"get\",\"Key\":\"a\"}}");
        }
        HttpException count = assertThrows(HttpException.class, () -> parse(many + "]"));
        assertEquals(413, count.status());
        assertEquals("Transaction contains too many operations (129 > 128)", count.getMessage());
        HttpException size = assertThrows(HttpException.class,
                () -> TxnRequests.parse(FakeRequest.of("PUT", "").body(new byte[512 * 1024 + 1]), 512 * 1024, 128));
        assertEquals(413, size.status());
        assertEquals("Request body too large, max size: 524288 bytes", size.getMessage());
    }

    @Test
    void badBodiesAnswer400() {
        assertEquals(400, assertThrows(HttpException.class, () -> parse("{\"not\":\"a list\"}")).status());
        HttpException verb = assertThrows(HttpException.class, () -> parse("[{\"KV\":{\"Verb\":\"frob\"}}]"));
        assertTrue(verb.getMessage().startsWith("Failed to parse body: unknown KV verb \"frob\""));
        assertEquals(400, assertThrows(HttpException.class, () -> parse("[{}]")).status());
    }

    @Test
    void catalogElementsTravelAsConsulWroteThem() {
        TxnRequests.Parsed get = parsed("[{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n\"}}},"
                + "{\"service\":{\"verb\":\"get\",\"node\":\"n\",\"service\":{\"id\":\"web\"}}}]");
        assertTrue(get.readOnly());
        assertEquals("catalog", get.command().ops().get(0).type());
        assertEquals("{\"Txn\":{\"Node\":{\"Verb\":\"get\",\"Node\":{\"Node\":\"n\"}}}}",
                new String(get.command().ops().get(0).payload()));
        assertFalse(parsed("[{\"Check\":{\"Verb\":\"delete\",\"Check\":{\"Node\":\"n\",\"CheckID\":\"c\"}}}]")
                .readOnly());
    }

    @Test
    void aFailedTransactionRendersAs409WithItsErrors() {
        TxnCommand none = new TxnCommand(List.of());
        Response failed = TxnEndpoint.render(none, new TxnOutcome(List.of(),
                List.of(new TxnOutcome.Error(1, "nope"))));
        assertEquals(409, failed.status());
        TxnResultJson json = (TxnResultJson) failed.jsonBody();
        assertNull(json.results());
        assertEquals(List.of(new TxnResultJson.ErrorJson(1, "nope")), json.errors());

        KvEntry entry = new KvEntry("k", new byte[0], 0, 1, "", 4, 5);
        TxnCommand two = new TxnCommand(List.of(new TxnCommand.Op("kv", new byte[0]),
                new TxnCommand.Op("catalog", new byte[0])));
        Response ok = TxnEndpoint.render(two, new TxnOutcome(List.of(KvOperationResult.done(List.of(entry)).encode(),
                "{\"Node\":{\"Node\":\"n\"}}".getBytes()), List.of()));
        assertEquals(200, ok.status());
        TxnResultJson results = (TxnResultJson) ok.jsonBody();
        assertNull(results.errors());
        TxnResultJson.ResultJson kv = (TxnResultJson.ResultJson) results.results().get(0);
        assertEquals("k", kv.kv().key());
        assertNull(kv.kv().value(), "writes report no value");
        assertEquals("{\"Node\":{\"Node\":\"n\"}}", results.results().get(1).toString());
    }
}
