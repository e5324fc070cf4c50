package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;

class EventRingTest {
    private final EventRing ring = new EventRing();

    private static UserEvent event(String name, long lTime) {
        return new UserEvent(UUID.randomUUID().toString(), name, null, "", "", "", UserEvent.VERSION, lTime);
    }

    @Test
    void keepsTheMostRecentInArrivalOrder() {
        for (int i = 0; i < UserEvents.KEPT + 10; i++) {
            // logical times out of order: the ring keeps arrival order
            ring.add(event("e" + i, (i % 2 == 0) ? 1000 - i : i));
        }
        List<UserEvent> kept = ring.events();
        assertEquals(UserEvents.KEPT, kept.size());
        assertEquals("e10", kept.get(0).name());
        assertEquals("e" + (UserEvents.KEPT + 9), kept.get(kept.size() - 1).name());
        assertEquals(UserEvents.KEPT + 10, ring.changeIndex());
    }

    @Test
    void aWaitCompletesWithTheNewIndexOnTheNextArrival() {
        CompletableFuture<Long> waiting = ring.awaitChange(0);
        assertFalse(waiting.isDone());
        ring.add(event("a", 1));
        assertEquals(1L, waiting.join());
        assertEquals(1L, ring.awaitChange(0).join(), "an index already passed answers at once");
    }

    @Test
    void aCancelledWaitIsForgotten() {
        CompletableFuture<Long> waiting = ring.awaitChange(0);
        assertEquals(1, ring.waiting());
        waiting.cancel(false);
        assertEquals(0, ring.waiting());
        ring.add(event("a", 1));
        assertTrue(waiting.isCancelled());
    }
}
