package io.cairn.raft.internal.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;
import io.cairn.raft.internal.machine.TombstoneReaping;

class TableStoreTest {

    private final TableStore store = new TableStore();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Nested commands of type "append" put their payload under key "nested"; type "fail" writes, then throws. */
    private static final NestedCommands NESTED = (type, payload, writer) -> {
        writer.put("kv", "nested", payload);
        if (type.equals("fail")) {
            throw new IllegalArgumentException("nested failed");
        }
        return bytes("done");
    };

    private <R> TableStore.Applied<R> apply(long index, Function<StateWriter, R> command) {
        return store.apply(index, NESTED, command);
    }

    private void put(long index, String table, String key, String value) {
        apply(index, w -> w.put(table, key, bytes(value)));
    }

    @Test
    void putKeepsCreateIndexAndMovesModifyIndex() {
        put(3, "kv", "a", "1");
        put(7, "kv", "a", "2");
        Entry e = store.get("kv", "a").orElseThrow();
        assertEquals(3, e.createIndex());
        assertEquals(7, e.modifyIndex());
        assertArrayEquals(bytes("2"), e.value());
        assertEquals(7, store.appliedIndex());
    }

    @Test
    void indexCoversPrefixesAndDeletions() {
        put(1, "kv", "web/a", "x");
        put(2, "kv", "db/a", "x");
        put(3, "kv", "web/b", "x");
        assertEquals(3, store.index("kv", "web/"));
        assertEquals(2, store.index("kv", "db/"));
        assertEquals(0, store.index("kv", "none/"));
        assertEquals(0, store.index("other", ""));

        apply(9, w -> w.delete("kv", "db/a"));
        assertTrue(store.get("kv", "db/a").isEmpty());
        assertEquals(9, store.index("kv", "db/"), "a deletion moves the prefix index (tombstone)");
        assertEquals(3, store.index("kv", "web/"));
        assertEquals(9, store.index("kv", ""));
    }

    @Test
    void deletePrefixRemovesOnlyThatPrefix() {
        put(1, "kv", "a/1", "x");
        put(2, "kv", "a/2", "x");
        put(3, "kv", "b/1", "x");
        TableStore.Applied<Integer> applied = apply(4, w -> w.deletePrefix("kv", "a/"));
        assertEquals(2, applied.result());
        assertEquals(List.of("a/1", "a/2"), applied.touched().get("kv"));
        assertEquals(List.of("b/1"), store.scan("kv", "").stream().map(Entry::key).toList());
        assertFalse(apply(5, w -> w.delete("kv", "a/1")).result(), "already deleted");
    }

    @Test
    void failedCommandLeavesNothingBehind() {
        put(1, "kv", "kept", "old");
        put(2, "kv", "gone", "x");
        apply(3, w -> w.delete("kv", "gone"));
        TableStore.Applied<Object> applied = apply(5, w -> {
            w.put("kv", "kept", bytes("new"));
            w.put("kv", "gone", bytes("back"));
            w.put("kv", "fresh", bytes("v"));
            w.put("newtable", "k", bytes("v"));
            w.deletePrefix("kv", "");
            throw new IllegalStateException("boom");
        });
        assertNotNull(applied.failure());
        assertArrayEquals(bytes("old"), store.get("kv", "kept").orElseThrow().value());
        assertEquals(1, store.get("kv", "kept").orElseThrow().modifyIndex());
        assertTrue(store.get("kv", "gone").isEmpty());
        assertEquals(3, store.index("kv", "gone"), "the tombstone is back");
        assertTrue(store.get("kv", "fresh").isEmpty());
        assertEquals(3, store.index("kv", ""), "the table index is back too");
        assertEquals(0, store.index("newtable", ""));
        assertEquals(5, store.appliedIndex(), "the entry itself was applied");
    }

    @Test
    void explicitRollbackDiscardsWritesSoFarAndKeepsTheResult() {
        TableStore.Applied<String> applied = apply(4, w -> {
            w.put("kv", "a", bytes("1"));
            w.rollback();
            w.put("kv", "b", bytes("2"));
            return "reported";
        });
        assertEquals("reported", applied.result());
        assertTrue(store.get("kv", "a").isEmpty());
        assertTrue(store.get("kv", "b").isPresent());
    }

    @Test
    void nestedCommandWritesBelongToTheOuterCommand() {
        TableStore.Applied<byte[]> applied = apply(6, w -> {
            w.put("kv", "outer", bytes("o"));
            return w.apply("append", bytes("n"));
        });
        assertArrayEquals(bytes("done"), applied.result());
        assertEquals(6, store.get("kv", "nested").orElseThrow().modifyIndex());
        assertEquals(List.of("outer", "nested"), applied.touched().get("kv"));
    }

    @Test
    void failedNestedCommandRollsBackOnlyItsOwnWrites() {
        TableStore.Applied<String> applied = apply(7, w -> {
            w.put("kv", "outer", bytes("o"));
            try {
                w.apply("fail", bytes("n"));
                return "not reached";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        assertEquals("nested failed", applied.result());
        assertTrue(store.get("kv", "outer").isPresent());
        assertTrue(store.get("kv", "nested").isEmpty());
    }

    @Test
    void abortedCommandAppliesNothingNotEvenItsIndex() {
        put(1, "kv", "a", "1");
        assertThrows(ApplyAbortedException.class, () -> store.apply(2, (type, payload, writer) -> {
            throw new ApplyAbortedException("stopping");
        }, w -> {
            w.put("kv", "a", bytes("2"));
            return w.apply("any", bytes(""));
        }));
        assertArrayEquals(bytes("1"), store.get("kv", "a").orElseThrow().value());
        assertEquals(1, store.appliedIndex());
    }

    @Test
    void reapingDropsOnlyOldTombstonesAndNeverPastItsOwnIndex() {
        put(1, "kv", "a/1", "x");
        put(2, "kv", "a/2", "x");
        put(3, "kv", "b/1", "x");
        apply(4, w -> w.delete("kv", "a/1"));
        apply(6, w -> w.delete("kv", "a/2"));
        TombstoneReaping reaping = new TombstoneReaping(store);
        TableStore.Applied<byte[]> applied = apply(7, w -> reaping.apply(TombstoneReaping.upTo(5), w));
        assertEquals(1, java.nio.ByteBuffer.wrap(applied.result()).getInt());
        assertEquals(6, store.index("kv", "a/"), "the newer tombstone still counts");
        apply(8, w -> reaping.apply(TombstoneReaping.upTo(Long.MAX_VALUE), w));
        assertEquals(0, store.index("kv", "a/"), "all tombstones under a/ reaped");
        assertEquals(6, store.index("kv", ""), "the table's own index never goes back");
    }

    @Test
    void readSeesOneConsistentState() {
        put(1, "kv", "a", "1");
        long[] seen = store.read(v -> new long[] {v.appliedIndex(), v.index("kv", "")});
        assertEquals(1, seen[0]);
        assertEquals(1, seen[1]);
    }

    @Test
    void snapshotRoundTripRestoresRecordsTombstonesAndIndexes() throws IOException {
        put(1, "kv", "a", "1");
        put(2, "kv", "b", "2");
        put(3, "catalog", "n1", "node");
        apply(4, w -> w.delete("kv", "b"));
        TableStore restored = roundTrip(store.capture());
        assertEquals(4, restored.appliedIndex());
        assertEquals(store.scan("kv", ""), List.of(store.get("kv", "a").orElseThrow()));
        assertArrayEquals(bytes("1"), restored.get("kv", "a").orElseThrow().value());
        assertTrue(restored.get("kv", "b").isEmpty());
        assertEquals(4, restored.index("kv", "b"), "tombstone survives the snapshot");
        assertEquals(3, restored.index("catalog", ""));
    }

    @Test
    void aCaptureStaysTheStateAtItsIndexWhileCommandsGoOn() throws IOException {
        put(1, "kv", "a", "1");
        put(2, "kv", "b", "2");
        apply(3, w -> w.delete("kv", "b"));
        StateImage image = store.capture();

        put(4, "kv", "a", "changed");
        put(5, "kv", "b", "back");
        put(6, "kv", "c", "new");
        apply(7, w -> w.delete("kv", "a"));
        put(8, "catalog", "n1", "node");

        TableStore restored = roundTrip(image);
        assertEquals(3, restored.appliedIndex());
        assertArrayEquals(bytes("1"), restored.get("kv", "a").orElseThrow().value());
        assertTrue(restored.get("kv", "b").isEmpty());
        assertTrue(restored.get("kv", "c").isEmpty());
        assertEquals(3, restored.index("kv", "b"), "the tombstone as it was, though b was written again since");
        assertEquals(0, restored.index("catalog", ""));
    }

    private static TableStore roundTrip(StateImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        image.write(new DataOutputStream(bytes));
        TableStore restored = new TableStore();
        restored.restore(StateImage.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        return restored;
    }
}
