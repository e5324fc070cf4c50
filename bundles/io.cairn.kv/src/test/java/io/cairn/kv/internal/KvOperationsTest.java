package io.cairn.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperation.Verb;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.raft.testing.InMemoryState;
import io.cairn.session.api.Sessions;

import org.junit.jupiter.api.Test;

class KvOperationsTest {

    private long nanos;
    private final LockDelays delays = new LockDelays(() -> nanos);
    private final KvCommandHandler handler = new KvCommandHandler(delays);
    private final InMemoryState state = new InMemoryState();

    private KvOperationResult run(Verb verb, String key, String value, long index, String session) {
        byte[] payload = new KvOperation(verb, key, value.getBytes(UTF_8), 0, index, session).encode();
        return KvOperationResult.decode(state.applyCommand(handler, payload));
    }

    private KvEntry stored(String key) {
        return KvReads.get(state, key).orElseThrow();
    }

    @Test
    void writeResultsCarryTheEntryWithoutItsValue() {
        KvOperationResult set = run(Verb.SET, "a", "v", 0, "");
        assertTrue(set.done());
        assertEquals(0, set.entries().get(0).value().length);
        assertEquals(1, set.entries().get(0).modifyIndex());
        KvOperationResult get = run(Verb.GET, "a", "", 0, "");
        assertEquals("v", new String(get.entries().get(0).value(), UTF_8));
    }

    @Test
    void checksFailWithConsulTexts() {
        run(Verb.SET, "a", "v", 0, "");
        assertEquals("failed index check for key \"a\", current modify index 1 != 7",
                run(Verb.CHECK_INDEX, "a", "", 7, "").message());
        assertEquals("failed to check index, key \"b\" doesn't exist", run(Verb.CHECK_INDEX, "b", "", 7, "").message());
        assertEquals("failed session check for key \"a\", current session \"\" != \"s\"",
                run(Verb.CHECK_SESSION, "a", "", 0, "s").message());
        assertEquals("key \"a\" exists", run(Verb.CHECK_NOT_EXISTS, "a", "", 0, "").message());
        assertTrue(run(Verb.CHECK_NOT_EXISTS, "b", "", 0, "").done());
        assertEquals("key \"b\" doesn't exist", run(Verb.GET, "b", "", 0, "").message());
        assertEquals("failed to set key \"a\", index is stale", run(Verb.CAS, "a", "x", 9, "").message());
        assertEquals("failed to delete key \"a\", index is stale", run(Verb.DELETE_CAS, "a", "", 9, "").message());
        assertEquals(KvOperationResult.Outcome.FAILED, run(Verb.CAS, "a", "x", 0, "").outcome());
        assertTrue(run(Verb.DELETE_CAS, "a", "", 1, "").done());
        assertTrue(KvReads.get(state, "a").isEmpty());
    }

    @Test
    void getOrEmptyAndTree() {
        run(Verb.SET, "t/1", "1", 0, "");
        run(Verb.SET, "t/2", "2", 0, "");
        assertEquals(List.of("t/1", "t/2"),
                run(Verb.GET_TREE, "t/", "", 0, "").entries().stream().map(KvEntry::key).toList());
        KvOperationResult empty = run(Verb.GET_OR_EMPTY, "none", "", 0, "");
        assertEquals("none", empty.entries().get(0).key());
        assertTrue(run(Verb.DELETE_TREE, "t/", "", 0, "").done());
        assertTrue(KvReads.list(state, "t/").isEmpty());
    }

    @Test
    void locksNeedAnExistingSession() {
        KvOperationResult unknown = run(Verb.LOCK, "k", "", 0, "nope");
        assertEquals(KvOperationResult.Outcome.INVALID, unknown.outcome());
        assertEquals("invalid session \"nope\"", unknown.message());
        state.next().put(Sessions.TABLE, "s1", new byte[0]);
        state.next().put(Sessions.TABLE, "s2", new byte[0]);
        assertTrue(run(Verb.LOCK, "k", "v", 0, "s1").done());
        assertEquals("failed to lock key \"k\", lock is already held", run(Verb.LOCK, "k", "", 0, "s2").message());
        assertEquals("failed to unlock key \"k\", lock isn't held, or is held by another session",
                run(Verb.UNLOCK, "k", "", 0, "s2").message());
        assertTrue(run(Verb.CHECK_SESSION, "k", "", 0, "s1").done());
    }

    @Test
    void invalidationReleasesOrDeletesHeldKeysAndArmsTheLockDelay() {
        state.next().put(Sessions.TABLE, "s1", new byte[0]);
        state.next().put(Sessions.TABLE, "s2", new byte[0]);
        run(Verb.LOCK, "a", "1", 0, "s1");
        run(Verb.LOCK, "b", "2", 0, "s2");
        run(Verb.SET, "c", "3", 0, "");
        state.applyCommand(handler, new KvSessionInvalidation("s1", false, 5_000).encode());
        assertEquals("", stored("a").session());
        assertEquals(1, stored("a").lockIndex());
        assertEquals("1", new String(stored("a").value(), UTF_8));
        assertEquals("s2", stored("b").session());
        assertTrue(delays.delayed("a"));
        assertFalse(delays.delayed("b"));
        assertFalse(delays.delayed("c"));
        nanos += 5_000;
        assertFalse(delays.delayed("a"));

        state.applyCommand(handler, new KvSessionInvalidation("s2", true, 0).encode());
        assertTrue(KvReads.get(state, "b").isEmpty());
        assertTrue(KvReads.get(state, "c").isPresent());
    }
}
