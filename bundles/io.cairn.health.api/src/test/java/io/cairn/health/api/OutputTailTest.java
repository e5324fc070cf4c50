package io.cairn.health.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OutputTailTest {

    private static void write(OutputTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.write(bytes, 0, bytes.length);
    }

    @Test
    void keepsEverythingWithinTheLimit() {
        OutputTail tail = new OutputTail(10);
        write(tail, "hello ");
        write(tail, "you");
        assertEquals("hello you", tail.text());
    }

    @Test
    void keepsTheEndInOrderAndCountsWhatWasDropped() {
        OutputTail tail = new OutputTail(5);
        write(tail, "abcdefg");
        write(tail, "hij");
        assertEquals("Captured 5 of 10 bytes\n...\nfghij", tail.text());
    }

    @Test
    void writesOnlyTheGivenSlice() {
        OutputTail tail = new OutputTail(10);
        tail.write("xxabcxx".getBytes(StandardCharsets.UTF_8), 2, 3);
        assertEquals("abc", tail.text());
    }

    @Test
    void keepsTheLastByteWithALimitOfOne() {
        OutputTail tail = new OutputTail(1);
        write(tail, "abc");
        assertEquals("Captured 1 of 3 bytes\n...\nc", tail.text());
    }

    @Test
    void rejectsALimitThatKeepsNothing() {
        assertThrows(IllegalArgumentException.class, () -> new OutputTail(0));
        assertThrows(IllegalArgumentException.class, () -> new OutputTail(-1));
    }
}
