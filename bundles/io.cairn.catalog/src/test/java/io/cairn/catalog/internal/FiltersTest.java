package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.CheckStatus;

class FiltersTest {

    @Test
    void passingIsValueParsedLikeGoParseBool() {
        assertFalse(Filters.passing(Optional.empty()));
        assertTrue(Filters.passing(Optional.of("")));
        assertTrue(Filters.passing(Optional.of("1")));
        assertTrue(Filters.passing(Optional.of("True")));
        assertFalse(Filters.passing(Optional.of("false")));
        assertFalse(Filters.passing(Optional.of("0")));
        assertEquals("Invalid value for ?passing",
                assertThrows(IllegalArgumentException.class, () -> Filters.passing(Optional.of("yes"))).getMessage());
    }

    @Test
    void nodeMetaSplitsAtTheFirstColon() {
        assertEquals(Map.of("a", "b:c", "d", ""), Filters.nodeMeta(List.of("a:b:c", "d")));
    }

    @Test
    void tagsMatchCaseInsensitivelyAndAll() {
        assertTrue(Filters.hasAllTags(List.of("V1", "blue"), List.of("v1", "BLUE")));
        assertFalse(Filters.hasAllTags(List.of("v1"), List.of("v1", "blue")));
        assertTrue(Filters.hasAllTags(List.of(), List.of()));
    }

    @Test
    void healthStates() {
        assertEquals(Optional.empty(), Filters.state("any"));
        assertEquals(Optional.of(CheckStatus.WARNING), Filters.state("warning"));
        assertThrows(IllegalArgumentException.class, () -> Filters.state("bogus"));
        assertEquals("Missing check state",
                assertThrows(IllegalArgumentException.class, () -> Filters.state("")).getMessage());
    }

    @Test
    void goDurationsParseAndFormatLikeGo() {
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s", "Interval"));
        assertEquals(Duration.ofMillis(9873), GoDuration.parse("9.873s", "Interval"));
        assertEquals(Duration.ofSeconds(10), GoDuration.fromJson(10_000_000_000L, "Interval"));
        assertEquals(Duration.ZERO, GoDuration.fromJson(null, "Interval"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10", "Interval"));
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10sx", "Interval"));

        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("10s", GoDuration.format(Duration.ofSeconds(10)));
        assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
        assertEquals("2h0m0s", GoDuration.format(Duration.ofHours(2)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("250ms", GoDuration.format(Duration.ofMillis(250)));
    }
}
