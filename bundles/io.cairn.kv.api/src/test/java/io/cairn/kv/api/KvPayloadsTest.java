package io.cairn.kv.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class KvPayloadsTest {

    @Test
    void operationRoundTrips() {
        KvOperation op = new KvOperation(KvOperation.Verb.LOCK, "a/ü", "v".getBytes(StandardCharsets.UTF_8), -1L, 7,
                "s1");
        KvOperation back = KvOperation.decode(op.encode());
        assertEquals(KvOperation.Verb.LOCK, back.verb());
        assertEquals("a/ü", back.key());
        assertArrayEquals(op.value(), back.value());
        assertEquals(-1L, back.flags());
        assertEquals(7, back.index());
        assertEquals("s1", back.session());
        assertTrue(KvOperation.isOperation(op.encode()));
        assertFalse(KvSessionInvalidation.isInvalidation(op.encode()));
    }

    @Test
    void aKeyUtf8CannotCarryIsRefusedNotEncodedAsAQuestionMark() {
        IllegalArgumentException lone = assertThrows(IllegalArgumentException.class,
                () -> new KvOperation(KvOperation.Verb.SET, "a\ud800b", new byte[0], 0, 0, ""));
        assertEquals("Invalid key: unpaired UTF-16 surrogate \\ud800 at index 1; a key must be valid Unicode",
                lone.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new KvOperation(KvOperation.Verb.GET, "\udc00", new byte[0], 0, 0, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new KvOperation(KvOperation.Verb.GET, "x\ud83d", new byte[0], 0, 0, ""));
        KvOperation paired = new KvOperation(KvOperation.Verb.SET, "\ud83d\ude00", new byte[0], 0, 0, "");
        assertEquals("\ud83d\ude00", KvOperation.decode(paired.encode()).key());
    }

    @Test
    void invalidationRoundTrips() {
        KvSessionInvalidation inv = new KvSessionInvalidation("s", true, 15_000_000_000L);
        assertEquals(inv, KvSessionInvalidation.decode(inv.encode()));
        assertFalse(KvOperation.isOperation(inv.encode()));
    }

    @Test
    void resultRoundTrips() {
        KvEntry entry = new KvEntry("k", new byte[] {1, 2}, 3, 4, "s", 5, 6);
        KvOperationResult result = KvOperationResult.done(List.of(entry));
        KvOperationResult back = KvOperationResult.decode(result.encode());
        assertEquals(KvOperationResult.Outcome.DONE, back.outcome());
        KvEntry e = back.entries().get(0);
        assertEquals(List.of("k", 3L, 4L, "s", 5L, 6L),
                List.of(e.key(), e.flags(), e.lockIndex(), e.session(), e.createIndex(), e.modifyIndex()));
        assertArrayEquals(new byte[] {1, 2}, e.value());
        assertEquals("invalid session \"x\"",
                KvOperationResult.decode(KvOperationResult.invalid("invalid session \"x\"").encode()).message());
    }

    @Test
    void verbsUseConsulNames() {
        assertEquals(KvOperation.Verb.CHECK_NOT_EXISTS, KvOperation.Verb.of("check-not-exists").orElseThrow());
        assertTrue(KvOperation.Verb.of("nope").isEmpty());
        assertFalse(KvOperation.Verb.GET_TREE.writes());
        assertTrue(KvOperation.Verb.DELETE_CAS.writes());
    }

    @Test
    void truncatedPayloadIsRefused() {
        byte[] encoded = new KvOperation(KvOperation.Verb.SET, "k", null, 0, 0, null).encode();
        assertThrows(IllegalArgumentException.class,
                () -> KvOperation.decode(Arrays.copyOf(encoded, encoded.length - 2)));
    }
}
