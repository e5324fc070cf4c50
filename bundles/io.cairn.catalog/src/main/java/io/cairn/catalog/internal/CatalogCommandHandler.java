package io.cairn.catalog.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/**
 * Applies the replicated {@code catalog} commands (see {@link CatalogStateMachine}) and the catalog elements of
 * transactions, which the transaction handler applies nested (see {@link CatalogTxn}).
 */
@Component(service = CommandHandler.class,
        property = CommandHandler.TYPE + "=" + CatalogStateMachine.COMMAND_TYPE)
public final class CatalogCommandHandler implements CommandHandler {

    @Override
    public void validate(byte[] payload) {
        if (CatalogTxn.isTxn(payload)) {
            return;
        }
        CatalogCommand command;
        try {
            command = CatalogCommand.decode(payload);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        command.validate();
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command (say, one written by a newer version) must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        if (CatalogTxn.isTxn(payload)) {
            return CatalogTxn.apply(payload, state);
        }
        return CatalogStateMachine.encodeResult(CatalogStateMachine.apply(CatalogCommand.decode(payload), state));
    }
}
