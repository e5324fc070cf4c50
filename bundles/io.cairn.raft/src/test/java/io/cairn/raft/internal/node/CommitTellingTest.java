package io.cairn.raft.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CommitTellingTest {

    private long now = 1_000_000;
    private final CommitTelling telling = new CommitTelling(() -> now);

    private void advanceMicros(long micros) {
        now += TimeUnit.MICROSECONDS.toNanos(micros);
    }

    @Test
    void aCommitTheFollowerWasToldOfNeedsNoHeartbeat() {
        telling.told(7);
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(false, 7, 8));
    }

    @Test
    void aNewCommitIsToldAfterTheLinger() {
        telling.told(7);
        assertEquals(CommitTelling.LINGER_MILLIS, telling.heartbeatIn(false, 8, 9));
        advanceMicros(500);
        assertEquals(CommitTelling.LINGER_MILLIS, telling.heartbeatIn(false, 8, 9));
        advanceMicros(500);
        assertEquals(0, telling.heartbeatIn(false, 8, 9));
        telling.told(8);
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(false, 8, 9));
    }

    @Test
    void anAppendThatGoesFirstTellsTheCommitInstead() {
        telling.told(7);
        assertEquals(CommitTelling.LINGER_MILLIS, telling.heartbeatIn(false, 8, 9));
        advanceMicros(300);
        // the client's next write arrived: entries wait, and their append carries commit 8
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(true, 8, 9));
        telling.told(8);
        advanceMicros(2_000);
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(false, 8, 10));
    }

    @Test
    void theLingerStartsAgainForTheNextCommit() {
        telling.told(7);
        telling.heartbeatIn(false, 8, 9);
        advanceMicros(1_000);
        assertEquals(0, telling.heartbeatIn(false, 8, 9));
        telling.told(8);
        advanceMicros(5_000);
        assertEquals(CommitTelling.LINGER_MILLIS, telling.heartbeatIn(false, 9, 10));
    }

    @Test
    void aFollowerBehindIsToldOnlyUpToWhatItHasSoNoHeartbeatsRepeat() {
        // committed up to 20, but the follower's next entry is 12: a request can tell it of 11 at most
        telling.told(11);
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(false, 20, 12));
        telling.told(5);
        assertEquals(CommitTelling.NOTHING_TO_TELL, telling.heartbeatIn(false, 20, 12));
    }
}
