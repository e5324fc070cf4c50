package io.cairn.gossip.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BroadcastQueueTest {

    @Test
    void eachBroadcastIsSentUpToTheRetransmitLimitThenSignalsItIsDone() {
        BroadcastQueue queue = new BroadcastQueue(100);
        List<String> done = new ArrayList<>();
        queue.add("a", new byte[20], () -> done.add("a"));

        assertEquals(1, queue.take(1000, 2, 3).size());
        assertEquals(1, queue.take(1000, 2, 3).size());
        assertTrue(done.isEmpty());
        assertEquals(1, queue.take(1000, 2, 3).size());
        assertEquals(List.of("a"), done);
        assertEquals(0, queue.take(1000, 2, 3).size());
    }

    @Test
    void newsAboutTheSameKeyReplacesTheOlderNews() {
        BroadcastQueue queue = new BroadcastQueue(100);
        List<String> done = new ArrayList<>();
        queue.add("member n1", new byte[] {1}, () -> done.add("old"));
        queue.add("member n1", new byte[] {2}, null);

        List<byte[]> taken = queue.take(1000, 2, 5);

        assertEquals(1, taken.size());
        assertArrayEquals(new byte[] {2}, taken.get(0));
        assertEquals(List.of("old"), done);
    }

    @Test
    void theLeastSentGoFirstAndOnlyWhatFitsIsTaken() {
        BroadcastQueue queue = new BroadcastQueue(100);
        queue.add("old", new byte[] {1}, null);
        queue.take(1000, 2, 10);
        queue.add("new", new byte[] {2}, null);

        List<byte[]> oneFits = queue.take(3 + 12, 2, 10);

        assertEquals(1, oneFits.size());
        assertArrayEquals(new byte[] {2}, oneFits.get(0));
    }

    @Test
    void beyondItsCapacityTheMostSentAreDropped() {
        BroadcastQueue queue = new BroadcastQueue(16);
        queue.add("first", new byte[] {0}, null);
        queue.take(1000, 2, 10);
        for (int i = 1; i <= 16; i++) {
            queue.add("k" + i, new byte[] {(byte) i}, null);
        }

        assertEquals(16, queue.size());
        assertTrue(queue.take(10_000, 2, 10).stream().noneMatch(b -> b[0] == 0), "the most sent was dropped");
    }
}
