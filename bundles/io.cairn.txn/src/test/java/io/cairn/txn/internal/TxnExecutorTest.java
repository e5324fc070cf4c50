package io.cairn.txn.internal;

import static io.cairn.kv.api.KvOperation.Verb.CHECK_INDEX;
import static io.cairn.kv.api.KvOperation.Verb.DELETE;
import static io.cairn.kv.api.KvOperation.Verb.GET;
import static io.cairn.kv.api.KvOperation.Verb.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.cairn.kv.api.KvOperationResult;
import io.cairn.raft.testing.InMemoryState;

import org.junit.jupiter.api.Test;

class TxnExecutorTest {

    private final InMemoryState state = new InMemoryState().handle(TxnExecutor.KV, new FakeKv());
    private final TxnCommandHandler handler = new TxnCommandHandler();

    private TxnOutcome run(TxnCommand.Op... ops) {
        byte[] payload = new TxnCommand(List.of(ops)).encode();
        handler.validate(payload);
        return TxnOutcome.decode(state.applyCommand(handler, payload));
    }

    @Test
    void everyOperationAppliesInOrderAsOneCommand() {
        TxnOutcome outcome = run(FakeKv.op(SET, "a", "1", 0), FakeKv.op(SET, "b", "2", 0), FakeKv.op(GET, "a", "", 0));
        assertTrue(!outcome.failed());
        assertEquals(3, outcome.results().size());
        assertEquals("1", new String(KvOperationResult.decode(outcome.results().get(2)).entries().get(0).value()));
        assertEquals(1, state.get("kv", "a").orElseThrow().modifyIndex());
        assertEquals(1, state.get("kv", "b").orElseThrow().modifyIndex(), "all writes share the command's index");
    }

    @Test
    void oneFailingOperationRollsBackEverythingAndNamesEachFailure() {
        run(FakeKv.op(SET, "a", "old", 0));
        TxnOutcome outcome = run(FakeKv.op(SET, "a", "new", 0), FakeKv.op(CHECK_INDEX, "a", "", 99),
                FakeKv.op(SET, "c", "x", 0), FakeKv.op(GET, "missing", "", 0));
        assertEquals(List.of(new TxnOutcome.Error(1, "index check failed for \"a\""),
                new TxnOutcome.Error(3, "key \"missing\" doesn't exist")), outcome.errors());
        assertEquals(List.of(), outcome.results());
        assertEquals("old", new String(state.get("kv", "a").orElseThrow().value()));
        assertTrue(state.get("kv", "c").isEmpty());
    }

    @Test
    void aThrowingOperationIsAnErrorToo() {
        TxnOutcome outcome = run(FakeKv.op(SET, "a", "1", 0), FakeKv.op(DELETE, "a", "", 0));
        assertEquals(List.of(new TxnOutcome.Error(1, "FakeKv cannot DELETE")), outcome.errors());
        assertTrue(state.get("kv", "a").isEmpty());
    }

    @Test
    void aCatalogElementFailsWithTheCatalogsText() {
        state.handle(TxnExecutor.CATALOG,
                (payload, writer) -> "{\"Error\":\"node \\\"n\\\" doesn't exist\"}".getBytes());
        TxnOutcome outcome = run(FakeKv.op(SET, "a", "1", 0), new TxnCommand.Op(TxnExecutor.CATALOG, new byte[0]));
        assertEquals(List.of(new TxnOutcome.Error(1, "node \"n\" doesn't exist")), outcome.errors());
        assertTrue(state.get("kv", "a").isEmpty());
    }

    @Test
    void readsRunWithoutTheLogAgainstAView() {
        run(FakeKv.op(SET, "a", "1", 0));
        ReadOnlyState readOnly = new ReadOnlyState(state, Map.of(TxnExecutor.KV, new FakeKv()));
        TxnOutcome outcome = TxnExecutor.run(new TxnCommand(List.of(FakeKv.op(GET, "a", "", 0))), readOnly);
        assertEquals(1, outcome.results().size());
        assertThrows(IllegalStateException.class, () -> readOnly.put("kv", "b", new byte[0]));
    }

    @Test
    void encodingsRoundTripAndLimitsHold() {
        TxnOutcome outcome = new TxnOutcome(List.of(new byte[] {1, 2}), List.of(new TxnOutcome.Error(3, "bad")));
        TxnOutcome back = TxnOutcome.decode(outcome.encode());
        assertEquals(outcome.errors(), back.errors());
        assertEquals(2, back.results().get(0).length);
        TxnCommand.Op[] many = new TxnCommand.Op[TxnCommandHandler.MAX_OPS + 1];
        java.util.Arrays.fill(many, FakeKv.op(GET, "a", "", 0));
        byte[] tooMany = new TxnCommand(List.of(many)).encode();
        assertEquals("Transaction contains too many operations (129 > 128)",
                assertThrows(IllegalArgumentException.class, () -> handler.validate(tooMany)).getMessage());
        byte[] foreign = new TxnCommand(List.of(new TxnCommand.Op("acl", new byte[0]))).encode();
        assertThrows(IllegalArgumentException.class, () -> handler.validate(foreign));
    }
}
