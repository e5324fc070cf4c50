package io.cairn.kv.internal;

import io.cairn.raft.testing.InMemoryState;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.raft.api.CommandHandler;

import org.junit.jupiter.api.Test;

class KvStateMachineTest {

    private final InMemoryState state = new InMemoryState();
    private long index;

    private boolean apply(KvCommand command) {
        return KvStateMachine.apply(command, state.at(++index));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private KvEntry entry(String key) {
        return KvReads.get(state, key).orElseThrow();
    }

    @Test
    void setCreatesThenUpdatesKeepingCreateIndex() {
        assertTrue(apply(KvCommand.set("a", bytes("1"), 4)));
        assertTrue(apply(KvCommand.set("a", bytes("2"), 0)));
        KvEntry a = entry("a");
        assertArrayEquals(bytes("2"), a.value());
        assertEquals(0, a.flags());
        assertEquals(1, a.createIndex());
        assertEquals(2, a.modifyIndex());
    }

    @Test
    void plainSetKeepsTheLock() {
        state.at(++index).put(KvStateMachine.TABLE, "lock", new KvRecord(0, 2, "sess", bytes("x")).encode());
        apply(KvCommand.set("lock", bytes("y"), 0));
        assertEquals("sess", entry("lock").session());
        assertEquals(2, entry("lock").lockIndex());
        assertArrayEquals(bytes("y"), entry("lock").value());
    }

    @Test
    void rewritingTheSameValueDoesNotMoveTheIndex() {
        apply(KvCommand.set("a", bytes("1"), 4));
        assertTrue(apply(KvCommand.set("a", bytes("1"), 4)));
        assertEquals(1, entry("a").modifyIndex());
        apply(KvCommand.set("a", bytes("1"), 5));
        assertEquals(3, entry("a").modifyIndex());
    }

    @Test
    void casZeroCreatesOnlyWhenAbsent() {
        assertTrue(apply(KvCommand.cas("a", bytes("1"), 0, 0)));
        assertFalse(apply(KvCommand.cas("a", bytes("2"), 0, 0)));
        assertArrayEquals(bytes("1"), entry("a").value());
    }

    @Test
    void casWritesOnlyAtTheCurrentModifyIndex() {
        assertFalse(apply(KvCommand.cas("a", bytes("1"), 0, 5)), "absent key with a non-zero index");
        apply(KvCommand.set("a", bytes("1"), 0));
        long current = entry("a").modifyIndex();
        assertFalse(apply(KvCommand.cas("a", bytes("2"), 0, current + 1)));
        assertTrue(apply(KvCommand.cas("a", bytes("3"), 9, current)));
        assertArrayEquals(bytes("3"), entry("a").value());
        assertEquals(9, entry("a").flags());
    }

    @Test
    void deleteLeavesATombstoneAndIsTrueForMissingKeys() {
        apply(KvCommand.set("a/b", bytes("1"), 0));
        assertTrue(apply(KvCommand.delete("a/b")));
        assertTrue(KvReads.get(state, "a/b").isEmpty());
        assertEquals(2, state.index(KvStateMachine.TABLE, "a/"));
        assertTrue(apply(KvCommand.delete("never")));
    }

    @Test
    void deleteCasNeedsTheModifyIndex() {
        apply(KvCommand.set("a", bytes("1"), 0));
        assertFalse(apply(KvCommand.deleteCas("a", 0)), "cas=0 never deletes an existing key");
        assertFalse(apply(KvCommand.deleteCas("a", 7)));
        assertTrue(KvReads.get(state, "a").isPresent());
        assertTrue(apply(KvCommand.deleteCas("a", 1)));
        assertTrue(KvReads.get(state, "a").isEmpty());
        assertTrue(apply(KvCommand.deleteCas("a", 1)), "a missing key counts as deleted, as in Consul");
    }

    @Test
    void deleteTreeRemovesThePrefixOrEverything() {
        apply(KvCommand.set("a/1", bytes("1"), 0));
        apply(KvCommand.set("a/2", bytes("1"), 0));
        apply(KvCommand.set("b", bytes("1"), 0));
        assertTrue(apply(KvCommand.deleteTree("a/")));
        assertEquals(1, KvReads.list(state, "").size());
        assertTrue(apply(KvCommand.deleteTree("")));
        assertTrue(KvReads.list(state, "").isEmpty());
    }

    @Test
    void validateRefusesBadCommands() {
        assertEquals("Missing key name", assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvCommand.set("", bytes("v"), 0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KvStateMachine.validate(KvCommand.deleteCas("", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvCommand.set("a/../b", bytes("v"), 0)));
        assertThrows(IllegalArgumentException.class, () -> KvStateMachine.validate(KvCommand.deleteTree("..\\x")));
        assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvCommand.set("a", new byte[KvStore.MAX_VALUE_SIZE + 1], 0)));
        KvStateMachine.validate(KvCommand.set("a", new byte[KvStore.MAX_VALUE_SIZE], 0));
        KvStateMachine.validate(KvCommand.deleteTree(""));
        KvStateMachine.validate(KvCommand.set("a..b/c..", bytes("v"), 0));
    }

    @Test
    void handlerDecodesAppliesAndAnswersTrueOrFalse() {
        CommandHandler handler = new KvCommandHandler(new LockDelays());
        byte[] created = handler.apply(KvCommand.cas("a", bytes("1"), 0, 0).encode(), state.at(++index));
        byte[] refused = handler.apply(KvCommand.cas("a", bytes("1"), 0, 0).encode(), state.at(++index));
        assertTrue(KvStateMachine.decodeResult(created));
        assertFalse(KvStateMachine.decodeResult(refused));
        assertThrows(IllegalArgumentException.class, () -> handler.validate(KvCommand.delete("").encode()));
        assertThrows(IllegalArgumentException.class, () -> handler.apply(new byte[] {7}, state));
    }
}
