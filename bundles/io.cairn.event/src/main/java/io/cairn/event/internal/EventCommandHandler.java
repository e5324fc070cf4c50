package io.cairn.event.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@code event} commands: one fired event each (see {@link EventTable}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + EventTable.COMMAND_TYPE)
public final class EventCommandHandler implements CommandHandler {

    @Override
    public void validate(byte[] payload) {
        EventRules.validate(EventCodec.decode(payload));
    }

    /** An entry that does not decode throws: a server must stop rather than silently diverge. */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return EventCodec.encode(EventTable.apply(EventCodec.decode(payload), state));
    }
}
