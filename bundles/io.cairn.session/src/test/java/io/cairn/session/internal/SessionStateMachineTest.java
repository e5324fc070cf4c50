package io.cairn.session.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;

import org.junit.jupiter.api.Test;

class SessionStateMachineTest {

    private long nanos;
    private final SessionTimers timers = new SessionTimers(() -> nanos);
    private final SessionRaft raft = new SessionRaft(timers);

    static StoredSession stored(String id, String behavior, long ttlNanos) {
        return new StoredSession(id, "n-" + id, "node1", 15_000_000_000L, behavior, ttlNanos, List.of("serfHealth"),
                List.of("web-check"));
    }

    private byte[] run(SessionCommand command) {
        return raft.submit("session", command.encode()).toCompletableFuture().join().result();
    }

    @Test
    void createStoresTheSessionWithItsIndexes() {
        run(SessionCommand.create(stored("s1", "release", 0)));
        Session s = SessionReads.get(raft.state(), "s1").orElseThrow();
        assertEquals("n-s1", s.name());
        assertEquals("node1", s.node());
        assertEquals(Duration.ofSeconds(15), s.lockDelay());
        assertEquals(SessionBehavior.RELEASE, s.behavior());
        assertEquals(List.of("serfHealth", "web-check"), s.checkIds());
        assertEquals(1, s.createIndex());
        assertEquals(1, SessionReads.index(raft.state()));
    }

    @Test
    void destroyRemovesTheSessionAndInvalidatesItsKeysInTheSameCommand() {
        run(SessionCommand.create(stored("s1", "delete", 0)));
        run(SessionCommand.destroy("s1"));
        assertTrue(SessionReads.get(raft.state(), "s1").isEmpty());
        assertEquals(List.of(new KvSessionInvalidation("s1", true, 15_000_000_000L)), raft.invalidations);
        assertEquals(2, SessionReads.index(raft.state()), "the deletion counts for blocking readers");
        run(SessionCommand.destroy("s1"));
        assertEquals(1, raft.invalidations.size(), "destroying an unknown session changes nothing");
    }

    @Test
    void lockDelayIsCutToConsulsMaximum() {
        run(SessionCommand.create(new StoredSession("s1", "", "node1", Duration.ofMinutes(5).toNanos(), "release", 0,
                List.of(), List.of())));
        run(SessionCommand.destroy("s1"));
        assertEquals(Duration.ofSeconds(60).toNanos(), raft.invalidations.get(0).lockDelayNanos());
    }

    @Test
    void renewAnswersWhetherTheSessionExistsAndRestartsItsTimer() {
        run(SessionCommand.create(stored("s1", "release", Duration.ofSeconds(10).toNanos())));
        assertTrue(timers.running("s1"), "the creation started it");
        nanos += Duration.ofSeconds(19).toNanos();
        assertArrayEquals(SessionStateMachine.FOUND, run(SessionCommand.renew("s1")));
        nanos += Duration.ofSeconds(19).toNanos();
        assertEquals(List.of(), timers.expired(), "the renewal restarted the 2 x TTL period");
        assertArrayEquals(SessionStateMachine.NOT_FOUND, run(SessionCommand.renew("nope")));
        assertEquals(1, SessionReads.index(raft.state()), "a renewal writes nothing");
        run(SessionCommand.destroy("s1"));
        assertTrue(!timers.running("s1"), "the destroy stopped it");
    }

    @Test
    void badCommandsAreRefusedBeforeTheLog() {
        var handler = raft.handler;
        assertThrows(IllegalArgumentException.class, () -> handler.validate(SessionCommand.destroy("").encode()));
        assertThrows(IllegalArgumentException.class,
                () -> handler.validate(SessionCommand.create(stored("s", "explode", 0)).encode()));
        assertThrows(IllegalArgumentException.class, () -> handler.validate("{\"op\":\"boom\"}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> handler.validate("nonsense".getBytes()));
    }
}
