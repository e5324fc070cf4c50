package io.cairn.health.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void parsesWhatConsulClientsSend() {
        assertEquals(Duration.ofSeconds(120), GoDuration.parse("120000ms"));
        assertEquals(Duration.ofMillis(9_870), GoDuration.parse("9.87s"));
        assertEquals(Duration.ofMillis(9_873), GoDuration.parse("9.873s"));
        assertEquals(Duration.ofNanos(9_873_200_000L), GoDuration.parse("9.8732s"));
        assertEquals(Duration.ofMinutes(62), GoDuration.parse("1h2m"));
        assertEquals(Duration.ofMinutes(5), GoDuration.parse("5m"));
        assertEquals(Duration.ofSeconds(3723).plusMillis(500), GoDuration.parse("1h2m3.5s"));
    }

    @Test
    void parsesEveryUnitSignAndDecimalForm() {
        assertEquals(Duration.ofNanos(7), GoDuration.parse("7ns"));
        assertEquals(Duration.ofNanos(300), GoDuration.parse("300ns"));
        assertEquals(Duration.ofNanos(7_000), GoDuration.parse("7us"));
        assertEquals(Duration.ofNanos(7_000), GoDuration.parse("7\u00b5s")); // micro sign
        assertEquals(Duration.ofNanos(7_000), GoDuration.parse("7\u03bcs")); // Greek mu, which Go also accepts
        assertEquals(Duration.ofNanos(1_500_000), GoDuration.parse("1.5ms"));
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ofMillis(500), GoDuration.parse(".5s"));
        assertEquals(Duration.ofSeconds(5), GoDuration.parse("5.s"));
        assertEquals(Duration.ofSeconds(2), GoDuration.parse("+2s"));
        assertEquals(Duration.ZERO, GoDuration.parse("+0"));
        assertEquals(Duration.ZERO, GoDuration.parse("-0"));
    }

    @Test
    void absentAndBlankValuesAreZeroAndSurroundingSpaceIsIgnored() {
        assertEquals(Duration.ZERO, GoDuration.parse(null));
        assertEquals(Duration.ZERO, GoDuration.parse(""));
        assertEquals(Duration.ofSeconds(10), GoDuration.parse(" 10s "));
        assertEquals(Duration.ofSeconds(10), GoDuration.parse(10_000_000_000L));
    }

    @Test
    void rejectsTextWithoutUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10"));
        assertEquals(true, e.getMessage().startsWith("invalid duration \"10\""));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("ten seconds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "1x", "10sx", "1.2.3s", "abc", "1 s", ".s", "-", "+", "--1s"})
    void rejectsWhatGoRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    }

    @Test
    void rejectsDurationsBeyondGosRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GoDuration.parse("3000000h"));
        assertEquals("invalid duration \"3000000h\" (out of range: at most 2562047h47m16.854775807s)",
                e.getMessage());
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), GoDuration.parse("9223372036854775807ns"));
    }

    @Test
    void formatsLikeGo() {
        assertEquals("10s", GoDuration.format(Duration.ofSeconds(10)));
        assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
        assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
        assertEquals("2h0m0s", GoDuration.format(Duration.ofHours(2)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("300ms", GoDuration.format(Duration.ofMillis(300)));
        assertEquals("250ms", GoDuration.format(Duration.ofMillis(250)));
        assertEquals("0s", GoDuration.format(Duration.ZERO));
    }

    @Test
    void formatsSubMillisecondAndNegativeDurations() {
        assertEquals("7ns", GoDuration.format(Duration.ofNanos(7)));
        assertEquals("1.5µs", GoDuration.format(Duration.ofNanos(1500)));
        assertEquals("-1m30s", GoDuration.format(Duration.ofSeconds(-90)));
        assertEquals("-250ms", GoDuration.format(Duration.ofMillis(-250)));
    }
}
