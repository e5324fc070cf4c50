package io.cairn.catalog.internal;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.raft.testing.InMemoryState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cairn.raft.api.Entry;

class DecodedRecordsTest {

    private final InMemoryState state = new InMemoryState();

    private static Stored.Node node(String name, String address) {
        return new Stored.Node("id-" + name, name, address, Map.of(), Map.of("v", address));
    }

    private Entry write(Stored.Node node) {
        return state.next().put(CatalogKeys.TABLE, CatalogKeys.node(node.node()), ReplicatedJson.encode(node));
    }

    @Test
    void anUnchangedRecordIsDecodedOnce() {
        DecodedRecords records = new DecodedRecords(10);
        Entry entry = write(node("a", "10.0.0.1"));

        Stored.Node first = records.decode(state, entry, Stored.Node.class);

        assertEquals(node("a", "10.0.0.1"), first);
        assertSame(first, records.decode(state, entry, Stored.Node.class));
        Entry restored = new Entry(entry.key(), entry.value().clone(), entry.createIndex(), entry.modifyIndex());
        assertSame(first, records.decode(state, restored, Stored.Node.class), "same bytes after a restore");
    }

    @Test
    void aRewriteIsDecodedAgain() {
        DecodedRecords records = new DecodedRecords(10);
        Stored.Node old = records.decode(state, write(node("a", "10.0.0.1")), Stored.Node.class);
        Entry rewritten = write(node("a", "10.0.0.2"));

        Stored.Node current = records.decode(state, rewritten, Stored.Node.class);

        assertEquals(node("a", "10.0.0.2"), current);
        assertSame(current, records.decode(state, rewritten, Stored.Node.class));
        assertNotSame(old, current);
        assertEquals(1, records.size());
    }

    @Test
    void differentBytesUnderTheSameIndexAreNeverServedFromTheCache() {
        DecodedRecords records = new DecodedRecords(10);
        Entry entry = write(node("a", "10.0.0.1"));
        records.decode(state, entry, Stored.Node.class);
        Entry foreign = new Entry(entry.key(), ReplicatedJson.encode(node("a", "10.9.9.9")), entry.createIndex(),
                entry.modifyIndex());

        assertEquals(node("a", "10.9.9.9"), records.decode(state, foreign, Stored.Node.class));
    }

    @Test
    void aReadThatFindsTheKeyGoneDropsIt() {
        DecodedRecords records = new DecodedRecords(10);
        CatalogReads reads = new CatalogReads(state, "dc1", records);
        write(node("a", "10.0.0.1"));
        assertTrue(reads.node("a").isPresent());
        assertEquals(1, records.size());

        state.next().delete(CatalogKeys.TABLE, CatalogKeys.node("a"));

        assertTrue(new CatalogReads(state, "dc1", records).node("a").isEmpty());
        assertEquals(0, records.size());
    }

    @Test
    void whenFullDeletedAndRewrittenKeysGoFirst() {
        DecodedRecords records = new DecodedRecords(3);
        records.decode(state, write(node("a", "10.0.0.1")), Stored.Node.class);
        Entry b = write(node("b", "10.0.0.1"));
        Stored.Node decodedB = records.decode(state, b, Stored.Node.class);
        records.decode(state, write(node("c", "10.0.0.1")), Stored.Node.class);
        state.next().delete(CatalogKeys.TABLE, CatalogKeys.node("a"));
        write(node("c", "10.0.0.2"));

        records.decode(state, write(node("d", "10.0.0.1")), Stored.Node.class);

        assertEquals(2, records.size(), "a (deleted) and c (rewritten since) swept, d added");
        assertSame(decodedB, records.decode(state, b, Stored.Node.class), "live b kept");
    }

    @Test
    void staysWithinCapacityWhenEveryKeyIsLive() {
        DecodedRecords records = new DecodedRecords(4);
        for (int i = 0; i < 20; i++) {
            Stored.Node node = node("n" + i, "10.0.0.1");
            assertEquals(node, records.decode(state, write(node), Stored.Node.class));
            assertTrue(records.size() <= 4, "size " + records.size());
        }
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new DecodedRecords(0));
    }

    @Test
    void concurrentReadersAlwaysSeeTheRecordOfTheirEntry() throws Exception {
        List<Entry> entries = new ArrayList<>();
        List<Stored.Node> expected = new ArrayList<>();
        for (int version = 1; version <= 2; version++) {
            for (int i = 0; i < 40; i++) {
                Stored.Node node = node("n" + i, "10.0." + version + "." + i);
                entries.add(write(node));
                expected.add(node);
            }
        }
        // Smaller than the key count, so sweeps and evictions race with hits and replacements.
        DecodedRecords records = new DecodedRecords(16);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                readers.add(pool.submit(() -> {
                    for (int n = 0; n < 5_000; n++) {
                        int i = Math.floorMod(n * 31 + seed * 17, entries.size());
                        assertEquals(expected.get(i), records.decode(state, entries.get(i), Stored.Node.class));
                    }
                }));
            }
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // Readers that all saw room before any of them inserted may each add one record.
        assertTrue(records.size() <= 16 + 8, "size " + records.size());
    }
}
