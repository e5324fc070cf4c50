package io.cairn.event.internal;

import java.util.List;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * The replicated ring of recent events: table {@value #TABLE}, one record per event keyed by the zero-padded Raft
 * index that accepted it (so key order is firing order), at most {@link UserEvents#KEPT} records.
 */
final class EventTable {
    static final String TABLE = "event";
    static final String COMMAND_TYPE = "event";

    private EventTable() {
    }

    /** Stores a fired event with the command's index as its logical time and drops the oldest beyond the limit. */
    static UserEvent apply(UserEvent fired, StateWriter state) {
        long index = state.commandIndex();
        UserEvent accepted = new UserEvent(fired.id(), fired.name(), fired.payload(), fired.nodeFilter(),
                fired.serviceFilter(), fired.tagFilter(), fired.version(), index);
        state.put(TABLE, key(index), EventCodec.encode(accepted));
        List<Entry> all = state.scan(TABLE, "");
        for (int i = 0; i < all.size() - UserEvents.KEPT; i++) {
            state.delete(TABLE, all.get(i).key());
        }
        return accepted;
    }

    /** Every kept event, oldest first. */
    static List<UserEvent> read(StateView state) {
        return state.scan(TABLE, "").stream().map(entry -> EventCodec.decode(entry.value())).toList();
    }

    static String key(long index) {
        return String.format("%020d", index);
    }
}
