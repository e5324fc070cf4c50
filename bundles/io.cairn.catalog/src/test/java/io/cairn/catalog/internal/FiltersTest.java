package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.health.api.CheckStatus;

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
}
