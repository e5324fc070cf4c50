package io.cairn.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionTimersTest {

    private long nanos;
    private final SessionTimers timers = new SessionTimers(() -> nanos);

    private void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Test
    void aSessionExpiresAfterTwiceItsTtl() {
        timers.start("a", Duration.ofSeconds(10));
        advance(Duration.ofSeconds(19));
        assertEquals(List.of(), timers.expired());
        advance(Duration.ofSeconds(1));
        assertEquals(List.of("a"), timers.expired());
        assertEquals(List.of("a"), timers.expired(), "stays expired until the session is gone");
        timers.retain(Set.of());
        assertEquals(List.of(), timers.expired());
    }

    @Test
    void startingAgainRestartsTheFullPeriod() {
        timers.start("a", Duration.ofSeconds(10));
        advance(Duration.ofSeconds(15));
        timers.start("a", Duration.ofSeconds(10));
        advance(Duration.ofSeconds(15));
        assertEquals(List.of(), timers.expired());
        advance(Duration.ofSeconds(5));
        assertEquals(List.of("a"), timers.expired());
    }

    @Test
    void aZeroTtlOrAStopLeavesNoTimer() {
        timers.start("a", Duration.ofSeconds(10));
        assertTrue(timers.running("a"));
        timers.stop("a");
        assertFalse(timers.running("a"));
        timers.start("b", Duration.ZERO);
        assertFalse(timers.running("b"), "a session without TTL never expires");
    }
}
