package io.cairn.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.cairn.kv.api.KvEntry;
import io.cairn.raft.api.Consistency;

import org.junit.jupiter.api.Test;

class RaftKvStoreTest {

    private final KvRaft raft = new KvRaft();
    private final RaftKvStore store = new RaftKvStore(raft, raft.lockDelays);

    private static <T> T done(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void writesGoThroughTheLogAndReadsSeeThem() {
        assertTrue(done(store.put("app/a", "1".getBytes(UTF_8), 42)));
        assertTrue(done(store.put("app/b/c", "2".getBytes(UTF_8), 0)));
        KvEntry a = done(store.get("app/a", Consistency.CONSISTENT)).orElseThrow();
        assertArrayEquals("1".getBytes(UTF_8), a.value());
        assertEquals(42, a.flags());
        assertEquals(1, a.modifyIndex());
        assertEquals(2, done(store.list("app/", Consistency.DEFAULT)).size());
        assertEquals(List.of("app/a", "app/b/"), done(store.keys("app/", "/", Consistency.STALE)));
        assertEquals(List.of("app/a", "app/b/c"), done(store.keys("app/", null, Consistency.STALE)));
        assertEquals(2, raft.submitted());
    }

    @Test
    void checkAndSetAndConditionalDeleteAnswerWhetherTheyDidIt() {
        assertTrue(done(store.checkAndSet("k", "v".getBytes(UTF_8), 0, 0)));
        assertFalse(done(store.checkAndSet("k", "w".getBytes(UTF_8), 0, 0)));
        assertFalse(done(store.deleteIfIndex("k", 5)));
        assertTrue(done(store.deleteIfIndex("k", 1)));
        assertTrue(done(store.get("k", Consistency.DEFAULT)).isEmpty());
    }

    @Test
    void deleteAndDeleteTree() {
        done(store.put("t/1", new byte[0], 0));
        done(store.put("t/2", new byte[0], 0));
        done(store.put("u", new byte[0], 0));
        assertTrue(done(store.delete("u")));
        assertTrue(done(store.deleteTree("t/")));
        assertTrue(done(store.list("", Consistency.DEFAULT)).isEmpty());
    }

    @Test
    void badInputFailsBeforeReachingTheLeader() {
        CompletionException e = assertThrows(CompletionException.class, () -> done(store.put("", new byte[1], 0)));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertThrows(CompletionException.class, () -> done(store.delete("../etc")));
        CompletionException lone = assertThrows(CompletionException.class,
                () -> done(store.put("a\udc00", new byte[0], 0)));
        assertEquals("Invalid key: unpaired UTF-16 surrogate \\udc00 at index 1; a key must be valid Unicode",
                lone.getCause().getMessage());
        assertThrows(CompletionException.class, () -> done(store.deleteTree("\ud800")));
        assertEquals(0, raft.submitted());
    }
}
