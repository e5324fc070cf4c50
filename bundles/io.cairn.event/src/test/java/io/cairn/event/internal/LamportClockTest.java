package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LamportClockTest {
    private final LamportClock clock = new LamportClock();

    @Test
    void startsAtOneAndMovesOnWithEachEvent() {
        assertEquals(List.of(1L, 2L, 3L), List.of(clock.next(), clock.next(), clock.next()));
    }

    @Test
    void anEventSeenMovesTheClockPastItsTimeButNeverBack() {
        clock.witness(41);
        assertEquals(42, clock.next());
        clock.witness(7);
        assertEquals(43, clock.next());
    }

    @Test
    void saturatesAtTheLargestTime() {
        clock.witness(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, clock.next());
        assertEquals(Long.MAX_VALUE, clock.next());
    }
}
