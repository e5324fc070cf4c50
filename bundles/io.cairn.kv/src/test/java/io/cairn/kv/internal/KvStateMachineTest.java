package io.cairn.kv.internal;

import io.cairn.raft.testing.InMemoryState;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvStore;

import org.junit.jupiter.api.Test;

class KvStateMachineTest {

    private final InMemoryState state = new InMemoryState();
    private long index;

    private boolean apply(KvOperation op) {
        return KvOps.apply(op, state.at(++index));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private KvEntry entry(String key) {
        return KvReads.get(state, key).orElseThrow();
    }

    @Test
    void setCreatesThenUpdatesKeepingCreateIndex() {
        assertTrue(apply(KvOps.set("a", bytes("1"), 4)));
        assertTrue(apply(KvOps.set("a", bytes("2"), 0)));
        KvEntry a = entry("a");
        assertArrayEquals(bytes("2"), a.value());
        assertEquals(0, a.flags());
        assertEquals(1, a.createIndex());
        assertEquals(2, a.modifyIndex());
    }

    @Test
    void plainSetKeepsTheLock() {
        state.at(++index).put(KvStateMachine.TABLE, "lock", new KvRecord(0, 2, "sess", bytes("x")).encode());
        apply(KvOps.set("lock", bytes("y"), 0));
        assertEquals("sess", entry("lock").session());
        assertEquals(2, entry("lock").lockIndex());
        assertArrayEquals(bytes("y"), entry("lock").value());
    }

    @Test
    void rewritingTheSameValueDoesNotMoveTheIndex() {
        apply(KvOps.set("a", bytes("1"), 4));
        assertTrue(apply(KvOps.set("a", bytes("1"), 4)));
        assertEquals(1, entry("a").modifyIndex());
        apply(KvOps.set("a", bytes("1"), 5));
        assertEquals(3, entry("a").modifyIndex());
    }

    @Test
    void casZeroCreatesOnlyWhenAbsent() {
        assertTrue(apply(KvOps.cas("a", bytes("1"), 0, 0)));
        assertFalse(apply(KvOps.cas("a", bytes("2"), 0, 0)));
        assertArrayEquals(bytes("1"), entry("a").value());
    }

    @Test
    void casWritesOnlyAtTheCurrentModifyIndex() {
        assertFalse(apply(KvOps.cas("a", bytes("1"), 0, 5)), "absent key with a non-zero index");
        apply(KvOps.set("a", bytes("1"), 0));
        long current = entry("a").modifyIndex();
        assertFalse(apply(KvOps.cas("a", bytes("2"), 0, current + 1)));
        assertTrue(apply(KvOps.cas("a", bytes("3"), 9, current)));
        assertArrayEquals(bytes("3"), entry("a").value());
        assertEquals(9, entry("a").flags());
    }

    @Test
    void deleteLeavesATombstoneAndIsTrueForMissingKeys() {
        apply(KvOps.set("a/b", bytes("1"), 0));
        assertTrue(apply(KvOps.delete("a/b")));
        assertTrue(KvReads.get(state, "a/b").isEmpty());
        assertEquals(2, state.index(KvStateMachine.TABLE, "a/"));
        assertTrue(apply(KvOps.delete("never")));
    }

    @Test
    void deleteCasNeedsTheModifyIndex() {
        apply(KvOps.set("a", bytes("1"), 0));
        assertFalse(apply(KvOps.deleteCas("a", 0)), "cas=0 never deletes an existing key");
        assertFalse(apply(KvOps.deleteCas("a", 7)));
        assertTrue(KvReads.get(state, "a").isPresent());
        assertTrue(apply(KvOps.deleteCas("a", 1)));
        assertTrue(KvReads.get(state, "a").isEmpty());
        assertTrue(apply(KvOps.deleteCas("a", 1)), "a missing key counts as deleted, as in Consul");
    }

    @Test
    void deleteTreeRemovesThePrefixOrEverything() {
        apply(KvOps.set("a/1", bytes("1"), 0));
        apply(KvOps.set("a/2", bytes("1"), 0));
        apply(KvOps.set("b", bytes("1"), 0));
        assertTrue(apply(KvOps.deleteTree("a/")));
        assertEquals(1, KvReads.list(state, "").size());
        assertTrue(apply(KvOps.deleteTree("")));
        assertTrue(KvReads.list(state, "").isEmpty());
    }

    @Test
    void validateRefusesBadOperations() {
        assertEquals("Missing key name", assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvOps.set("", bytes("v"), 0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KvStateMachine.validate(KvOps.deleteCas("", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvOps.set("a/../b", bytes("v"), 0)));
        assertThrows(IllegalArgumentException.class, () -> KvStateMachine.validate(KvOps.deleteTree("..\\x")));
        assertThrows(IllegalArgumentException.class,
                () -> KvStateMachine.validate(KvOps.set("a", new byte[KvStore.MAX_VALUE_SIZE + 1], 0)));
        KvStateMachine.validate(KvOps.set("a", new byte[KvStore.MAX_VALUE_SIZE], 0));
        KvStateMachine.validate(KvOps.deleteTree(""));
        KvStateMachine.validate(KvOps.set("a..b/c..", bytes("v"), 0));
    }
}
