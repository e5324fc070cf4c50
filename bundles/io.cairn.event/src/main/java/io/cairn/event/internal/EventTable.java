package io.cairn.event.internal;

import java.util.List;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * The replicated ring of recent events: table {@value #TABLE}, one record per event keyed by its zero-padded
 * logical time (so key order is firing order), at most {@link UserEvents#KEPT} records.
 */
final class EventTable {
    static final String TABLE = "event";
    static final String COMMAND_TYPE = "event";

    private EventTable() {
    }

    /**
     * Stores a fired event and drops the oldest beyond the limit. Its logical time is the index of the log entry
     * that accepted it, or one past the newest event's if that is not later: one entry may carry several events
     * (a batch), and every event's time must be its own, as agents act once on each time they see.
     */
    static UserEvent apply(UserEvent fired, StateWriter state) {
        List<Entry> kept = state.scan(TABLE, "");
        long lTime = state.commandIndex();
        if (!kept.isEmpty()) {
            lTime = Math.max(lTime, Long.parseLong(kept.get(kept.size() - 1).key()) + 1);
        }
        UserEvent accepted = new UserEvent(fired.id(), fired.name(), fired.payload(), fired.nodeFilter(),
                fired.serviceFilter(), fired.tagFilter(), fired.version(), lTime);
        state.put(TABLE, key(lTime), EventCodec.encode(accepted));
        for (int i = 0; i < kept.size() + 1 - UserEvents.KEPT; i++) {
            state.delete(TABLE, kept.get(i).key());
        }
        return accepted;
    }

    /** Every kept event, oldest first. */
    static List<UserEvent> read(StateView state) {
        return state.scan(TABLE, "").stream().map(entry -> EventCodec.decode(entry.value())).toList();
    }

    static String key(long lTime) {
        return String.format("%020d", lTime);
    }
}
