package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @Test
    void parsesWhatConsulClientsSend() {
        assertEquals(TimeUnit.SECONDS.toNanos(120), GoDuration.parseNanos("120000ms"));
        assertEquals(9_870_000_000L, GoDuration.parseNanos("9.87s"));
        assertEquals(9_873_200_000L, GoDuration.parseNanos("9.8732s"));
        assertEquals(TimeUnit.SECONDS.toNanos(90), GoDuration.parseNanos("1m30s"));
        assertEquals(TimeUnit.MINUTES.toNanos(62), GoDuration.parseNanos("1h2m"));
        assertEquals(TimeUnit.MINUTES.toNanos(5), GoDuration.parseNanos("5m"));
        assertEquals(TimeUnit.SECONDS.toNanos(3723) + 500_000_000L, GoDuration.parseNanos("1h2m3.5s"));
    }

    @Test
    void parsesEveryUnitSignAndBareZero() {
        assertEquals(7, GoDuration.parseNanos("7ns"));
        assertEquals(7_000, GoDuration.parseNanos("7us"));
        assertEquals(7_000, GoDuration.parseNanos("7\u00b5s"));
        assertEquals(7_000, GoDuration.parseNanos("7\u03bcs"));
        assertEquals(1_500_000, GoDuration.parseNanos("1.5ms"));
        assertEquals(500_000_000, GoDuration.parseNanos(".5s"));
        assertEquals(5_000_000_000L, GoDuration.parseNanos("5.s"));
        assertEquals(-TimeUnit.SECONDS.toNanos(2), GoDuration.parseNanos("-2s"));
        assertEquals(TimeUnit.SECONDS.toNanos(2), GoDuration.parseNanos("+2s"));
        assertEquals(0, GoDuration.parseNanos("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "1x", "1.2.3s", "abc", "1 s", ".s", "-", "3000000h"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos(text));
    }
}
