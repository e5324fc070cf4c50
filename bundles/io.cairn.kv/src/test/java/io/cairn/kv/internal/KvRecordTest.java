package io.cairn.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.kv.api.KvEntry;
import io.cairn.raft.api.Entry;

import org.junit.jupiter.api.Test;

class KvRecordTest {

    @Test
    void carriesFlagsLockAndSession() {
        KvRecord record = new KvRecord(Long.MIN_VALUE, 3, "adf4238a-882b-9ddc-4a9d-5b6758e4159e", "x".getBytes(UTF_8));
        KvRecord back = KvRecord.decode(record.encode());
        assertEquals(Long.MIN_VALUE, back.flags());
        assertEquals(3, back.lockIndex());
        assertEquals("adf4238a-882b-9ddc-4a9d-5b6758e4159e", back.session());
        assertArrayEquals("x".getBytes(UTF_8), back.value());
    }

    @Test
    void unlockedEmptyValueIsTwentyOneBytes() {
        byte[] encoded = new KvRecord(0, 0, "", new byte[0]).encode();
        assertEquals(21, encoded.length);
        assertEquals(KvRecord.VERSION, encoded[0]);
        assertEquals(0, KvRecord.decode(encoded).value().length);
    }

    @Test
    void refusesUnknownVersionAndTruncation() {
        byte[] encoded = new KvRecord(1, 1, "s", new byte[0]).encode();
        encoded[0] = 9;
        assertThrows(IllegalStateException.class, () -> KvRecord.decode(encoded));
        assertThrows(IllegalStateException.class, () -> KvRecord.decode(new byte[] {KvRecord.VERSION, 0}));
    }

    @Test
    void toEntryJoinsTheCoreIndexes() {
        Entry stored = new Entry("k", new KvRecord(5, 1, "s", "v".getBytes(UTF_8)).encode(), 10, 12);
        KvEntry entry = KvRecord.toEntry(stored);
        assertEquals("k", entry.key());
        assertEquals(5, entry.flags());
        assertEquals(1, entry.lockIndex());
        assertEquals("s", entry.session());
        assertEquals(10, entry.createIndex());
        assertEquals(12, entry.modifyIndex());
        assertArrayEquals("v".getBytes(UTF_8), entry.value());
    }
}
