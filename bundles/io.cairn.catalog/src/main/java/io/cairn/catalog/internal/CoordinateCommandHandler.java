package io.cairn.catalog.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@code coordinate} commands: batches of network coordinate updates. */
@Component(service = CommandHandler.class,
        property = CommandHandler.TYPE + "=" + CoordinateCommand.COMMAND_TYPE)
public final class CoordinateCommandHandler implements CommandHandler {

    @Override
    public void validate(byte[] payload) {
        CoordinateCommand command;
        try {
            command = CoordinateCommand.decode(payload);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        command.validate();
    }

    /** An entry that does not decode throws rather than being skipped, as for catalog commands. */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return CoordinateCommand.decode(payload).apply(state);
    }
}
