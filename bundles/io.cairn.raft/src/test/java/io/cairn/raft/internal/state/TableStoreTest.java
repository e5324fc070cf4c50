package io.cairn.raft.internal.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.raft.api.Entry;

class TableStoreTest {

    private final TableStore store = new TableStore();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void put(long index, String table, String key, String value) {
        store.apply(index, w -> w.put(table, key, bytes(value)));
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

        store.apply(9, w -> w.delete("kv", "db/a"));
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
        TableStore.Applied<Integer> applied = store.apply(4, w -> w.deletePrefix("kv", "a/"));
        assertEquals(2, applied.result());
        assertEquals(List.of("a/1", "a/2"), applied.touched().get("kv"));
        assertEquals(List.of("b/1"), store.scan("kv", "").stream().map(Entry::key).toList());
        assertFalse(store.apply(5, w -> w.delete("kv", "a/1")).result(), "already deleted");
    }

    @Test
    void failedCommandKeepsItsWritesAndReportsFailure() {
        TableStore.Applied<Object> applied = store.apply(5, w -> {
            w.put("kv", "k", bytes("v"));
            throw new IllegalStateException("boom");
        });
        assertNotNull(applied.failure());
        assertTrue(store.get("kv", "k").isPresent());
        assertEquals(5, store.appliedIndex());
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
        store.apply(4, w -> w.delete("kv", "b"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.writeSnapshot(new DataOutputStream(bytes));

        TableStore restored = new TableStore();
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(4, restored.appliedIndex());
        assertEquals(store.scan("kv", ""), List.of(store.get("kv", "a").orElseThrow()));
        assertArrayEquals(bytes("1"), restored.get("kv", "a").orElseThrow().value());
        assertTrue(restored.get("kv", "b").isEmpty());
        assertEquals(4, restored.index("kv", "b"), "tombstone survives the snapshot");
        assertEquals(3, restored.index("catalog", ""));
    }
}
