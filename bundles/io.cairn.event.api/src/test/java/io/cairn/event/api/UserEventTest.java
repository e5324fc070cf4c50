package io.cairn.event.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserEventTest {

    private static UserEvent event(String id) {
        return new UserEvent(id, "deploy", null, null, null, null, UserEvent.VERSION, 7);
    }

    @Test
    void indexIsTheXorOfTheUuidHalves() {
        // 0x0123456789abcdef ^ 0xfedcba9876543210 = 0xffffffffffffffff
        assertEquals(-1L, UserEvent.idToIndex("01234567-89ab-cdef-fedc-ba9876543210"));
        assertEquals(0x1L, UserEvent.idToIndex("00000000-0000-0000-0000-000000000001"));
        assertEquals(0x1000000000000001L, UserEvent.idToIndex("10000000-0000-0000-0000-000000000001"));
    }

    @Test
    void listIndexIsTheNewestEventsIndexOrOneWhenEmpty() {
        assertEquals(1, UserEvent.listIndex(List.of()));
        assertEquals(0x22L, UserEvent.listIndex(List.of(event("00000000-0000-0000-0000-000000000011"),
                event("00000000-0000-0000-0000-000000000022"))));
    }

    @Test
    void nonCanonicalIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UserEvent.idToIndex("0123456789abcdeffedcba9876543210"));
        assertThrows(IllegalArgumentException.class, () -> UserEvent.idToIndex("x1234567-89ab-cdef-fedc-ba9876543210"));
    }

    @Test
    void missingPartsBecomeEmpty() {
        UserEvent e = event("00000000-0000-0000-0000-000000000001");
        assertEquals(0, e.payload().length);
        assertEquals("", e.nodeFilter() + e.serviceFilter() + e.tagFilter());
    }
}
