package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void durationsAreGoTextOrNanosecondsAndAbsentIsZero() {
        assertEquals(Duration.ofSeconds(90), Bodies.duration("1m30s", "Interval"));
        assertEquals(Duration.ofMillis(9873), Bodies.duration("9.873s", "Interval"));
        assertEquals(Duration.ofSeconds(10), Bodies.duration(10_000_000_000L, "Interval"));
        assertEquals(Duration.ZERO, Bodies.duration(null, "Interval"));
    }

    @Test
    void aBadDurationNamesItsField() {
        assertEquals("Invalid Timeout duration '10': use a number with a unit such as 10s, 1m30s or 500ms",
                assertThrows(IllegalArgumentException.class, () -> Bodies.duration("10", "Timeout")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bodies.duration("10sx", "Interval"));
    }
}
