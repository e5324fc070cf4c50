package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.raft.testing.FakeRaft;
import io.cairn.raft.testing.InMemoryState;

class EventTableTest {

    static UserEvent event(String name, String payload) {
        return new UserEvent(UUID.randomUUID().toString(), name, payload.getBytes(StandardCharsets.UTF_8), "web.*",
                "api", "v1", UserEvent.VERSION, 0);
    }

    @Test
    void codecRoundTripsEveryField() {
        UserEvent e = new UserEvent("01234567-89ab-cdef-fedc-ba9876543210", "deploy", new byte[] {1, 2},
                "n", "s", "t", 1, 42);
        UserEvent back = EventCodec.decode(EventCodec.encode(e));
        assertEquals(List.of(e.id(), e.name(), e.nodeFilter(), e.serviceFilter(), e.tagFilter()),
                List.of(back.id(), back.name(), back.nodeFilter(), back.serviceFilter(), back.tagFilter()));
        assertArrayEquals(e.payload(), back.payload());
        assertEquals(42, back.lTime());
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(new byte[] {1, 0, 0}));
    }

    @Test
    void keepsTheMostRecentEventsInFiringOrderWithTheirLogicalTime() {
        FakeRaft raft = new FakeRaft().handle(EventTable.COMMAND_TYPE, new EventCommandHandler());
        for (int i = 0; i < UserEvents.KEPT + 10; i++) {
            raft.submit(EventTable.COMMAND_TYPE, EventCodec.encode(event("e" + i, "")));
        }
        List<UserEvent> kept = EventTable.read(raft.state());
        assertEquals(UserEvents.KEPT, kept.size());
        assertEquals("e10", kept.get(0).name());
        assertEquals("e" + (UserEvents.KEPT + 9), kept.get(kept.size() - 1).name());
        assertEquals(11, kept.get(0).lTime());
    }

    @Test
    void eventsCarriedByOneLogEntryEachGetTheirOwnLogicalTime() {
        InMemoryState state = new InMemoryState().at(7);
        UserEvent first = EventTable.apply(event("first", ""), state);
        UserEvent second = EventTable.apply(event("second", ""), state);
        assertEquals(List.of(7L, 8L), List.of(first.lTime(), second.lTime()));
        assertEquals(List.of("first", "second"), EventTable.read(state).stream().map(UserEvent::name).toList());
        // a later entry whose index the batch's times have caught up with still moves time forward
        UserEvent third = EventTable.apply(event("third", ""), state.at(8));
        assertEquals(9, third.lTime());
    }

    @Test
    void handlerRefusesInvalidEvents() {
        EventCommandHandler handler = new EventCommandHandler();
        UserEvent noService = new UserEvent(UUID.randomUUID().toString(), "x", null, "", "", "v1", 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.validate(EventCodec.encode(noService)));
        assertEquals("Cannot provide tag filter without service filter", e.getMessage());
        UserEvent bigOne = event("big", "x".repeat(UserEvents.SIZE_LIMIT));
        assertThrows(IllegalArgumentException.class, () -> handler.validate(EventCodec.encode(bigOne)));
        UserEvent badRegex = new UserEvent(UUID.randomUUID().toString(), "x", null, "(", "", "", 1, 0);
        assertThrows(IllegalArgumentException.class, () -> handler.validate(EventCodec.encode(badRegex)));
    }
}
