package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;

class EventCodecTest {

    @Test
    void roundTripsEveryField() {
        UserEvent e = new UserEvent("01234567-89ab-cdef-fedc-ba9876543210", "deploy", new byte[] {1, 2},
                "n", "s", "t", 1, 42);
        UserEvent back = EventCodec.decode(EventCodec.encode(e));
        assertEquals(List.of(e.id(), e.name(), e.nodeFilter(), e.serviceFilter(), e.tagFilter()),
                List.of(back.id(), back.name(), back.nodeFilter(), back.serviceFilter(), back.tagFilter()));
        assertArrayEquals(e.payload(), back.payload());
        assertEquals(42, back.lTime());
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(new byte[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(new byte[] {9}));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.decode(new byte[] {1, 0x7f, 0, 0, 0}));
        assertEquals("Truncated user event", huge.getMessage(), "a length beyond the message is not allocated");
    }
}
