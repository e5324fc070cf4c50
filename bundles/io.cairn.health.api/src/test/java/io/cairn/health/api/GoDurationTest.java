package io.cairn.health.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void parsesGoStringsAndNanosecondNumbers() {
        assertEquals(Duration.ofSeconds(10), GoDuration.parse("10s"));
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
        assertEquals(Duration.ofMinutes(90), GoDuration.parse("1.5h"));
        assertEquals(Duration.ofMillis(300), GoDuration.parse("300ms"));
        assertEquals(Duration.ofNanos(1500), GoDuration.parse("1.5us"));
        assertEquals(Duration.ofSeconds(5), GoDuration.parse(5_000_000_000L));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
        assertEquals(Duration.ofSeconds(-2), GoDuration.parse("-2s"));
    }

    @Test
    void rejectsTextWithoutUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10"));
        assertEquals(true, e.getMessage().startsWith("invalid duration \"10\""));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("ten seconds"));
    }

    @Test
    void formatsLikeGo() {
        assertEquals("10s", GoDuration.format(Duration.ofSeconds(10)));
        assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
        assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("300ms", GoDuration.format(Duration.ofMillis(300)));
        assertEquals("0s", GoDuration.format(Duration.ZERO));
    }
}
