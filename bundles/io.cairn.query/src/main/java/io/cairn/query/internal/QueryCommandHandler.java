package io.cairn.query.internal;

import io.cairn.query.api.PreparedQueries;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@code query} commands (see {@link QueryStore}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + PreparedQueries.COMMAND_TYPE)
public final class QueryCommandHandler implements CommandHandler {

    @Override
    public void validate(byte[] payload) {
        QueryCommand.decode(payload).validate();
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return QueryStore.apply(QueryCommand.decode(payload), state);
    }
}
