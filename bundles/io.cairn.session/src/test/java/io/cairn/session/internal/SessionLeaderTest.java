package io.cairn.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionLeaderTest {

    private long nanos;
    private final SessionTimers timers = new SessionTimers(() -> nanos);
    private final SessionRaft raft = new SessionRaft(timers);
    private final Map<String, Map<String, CheckStatus>> catalog = new HashMap<>();
    private final SessionLeader leader = new SessionLeader(raft,
            node -> Optional.ofNullable(catalog.get(node)), timers);

    @BeforeEach
    void node1IsHealthy() {
        catalog.put("node1", new HashMap<>(Map.of("serfHealth", CheckStatus.PASSING, "web-check",
                CheckStatus.PASSING)));
    }

    private void create(String id, Duration ttl) {
        raft.submit("session", SessionCommand.create(SessionStateMachineTest.stored(id, "release", ttl.toNanos()))
                .encode());
    }

    private boolean exists(String id) {
        return SessionReads.get(raft.state(), id).isPresent();
    }

    private void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Test
    void anUnrenewedTtlSessionIsDestroyedAfterTwiceItsTtl() {
        create("s1", Duration.ofSeconds(10));
        create("s2", Duration.ZERO);
        leader.tick();
        advance(Duration.ofSeconds(19));
        leader.tick();
        assertTrue(exists("s1"));
        advance(Duration.ofSeconds(1));
        leader.tick();
        assertTrue(!exists("s1"));
        assertTrue(exists("s2"), "a session without TTL never expires");
        assertEquals("s1", raft.invalidations.get(0).session());
    }

    @Test
    void renewalsKeepTheSessionAlive() {
        create("s1", Duration.ofSeconds(10));
        leader.tick();
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(15));
            raft.submit("session", SessionCommand.renew("s1").encode());
            leader.tick();
        }
        assertTrue(exists("s1"));
    }

    @Test
    void onlyTheLeaderInvalidatesAndANewLeaderGoesOnFromTheLastRenewalItApplied() {
        raft.setLeader(false);
        create("s1", Duration.ofSeconds(10));
        leader.tick();
        advance(Duration.ofSeconds(15));
        raft.submit("session", SessionCommand.renew("s1").encode());
        advance(Duration.ofSeconds(25));
        leader.tick();
        assertTrue(exists("s1"), "only the leader invalidates");
        raft.setLeader(true);
        leader.tick();
        assertTrue(!exists("s1"), "20 s after the renewal this server applied, not 20 s after it became leader");
    }

    @Test
    void leaderChangesMoreFrequentThanTheTtlDoNotKeepASessionAlive() {
        create("s1", Duration.ofSeconds(10));
        for (int change = 0; change < 4; change++) {
            raft.setLeader(change % 2 == 0);
            leader.tick();
            advance(Duration.ofSeconds(6));
        }
        leader.tick();
        assertTrue(exists("s1"), "24 s, but this server was not leader for the last 6");
        raft.setLeader(true);
        leader.tick();
        assertTrue(!exists("s1"));
    }

    @Test
    void aSessionWithoutATimerStartsWithTheFullPeriod() {
        create("s1", Duration.ofSeconds(10));
        timers.stop("s1"); // as after a snapshot install: the session is there, no creation was applied here
        leader.tick();
        advance(Duration.ofSeconds(19));
        leader.tick();
        assertTrue(exists("s1"));
        advance(Duration.ofSeconds(1));
        leader.tick();
        assertTrue(!exists("s1"));
    }

    @Test
    void aCriticalOrMissingCheckOrAMissingNodeInvalidates() {
        create("s1", Duration.ZERO);
        create("s2", Duration.ZERO);
        leader.tick();
        assertTrue(exists("s1"));
        catalog.get("node1").put("web-check", CheckStatus.WARNING);
        raft.submit("session", SessionCommand.destroy("unrelated").encode());
        leader.tick();
        assertTrue(exists("s1"), "warning is not critical");
        catalog.get("node1").put("web-check", CheckStatus.CRITICAL);
        raft.submit("session", SessionCommand.destroy("unrelated").encode());
        leader.tick();
        assertTrue(!exists("s1") && !exists("s2"));

        catalog.get("node1").put("web-check", CheckStatus.PASSING);
        create("s3", Duration.ZERO);
        catalog.get("node1").remove("serfHealth");
        leader.tick();
        assertTrue(!exists("s3"));

        catalog.get("node1").put("serfHealth", CheckStatus.PASSING);
        create("s4", Duration.ZERO);
        catalog.remove("node1");
        leader.tick();
        assertTrue(!exists("s4"));
        assertEquals(List.of("s1", "s2", "s3", "s4"),
                raft.invalidations.stream().map(i -> i.session()).toList());
    }
}
