package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutputLimitTest {

    @Test
    void keepsShortOutput() {
        assertEquals("fine", OutputLimit.truncate("fine", 4));
    }

    @Test
    void neverSplitsACharacter() {
        // "é" is two bytes in UTF-8; keeping 3 bytes of "aéé" would start inside the first "é".
        assertEquals("Captured 2 of 5 bytes\n...\né", OutputLimit.truncate("aéé", 3));
    }
}
