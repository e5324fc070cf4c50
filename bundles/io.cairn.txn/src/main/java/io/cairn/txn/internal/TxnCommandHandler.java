package io.cairn.txn.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@code txn} commands (see {@link TxnExecutor}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + TxnCommandHandler.COMMAND_TYPE)
public final class TxnCommandHandler implements CommandHandler {

    /** The Raft command type this handler owns. */
    public static final String COMMAND_TYPE = "txn";

    /** Most operations one transaction may hold (Consul 1.x's limit). */
    public static final int MAX_OPS = 128;

    @Override
    public void validate(byte[] payload) {
        TxnCommand command = TxnCommand.decode(payload);
        if (command.ops().size() > MAX_OPS) {
            throw new IllegalArgumentException("Transaction contains too many operations (" + command.ops().size()
                    + " > " + MAX_OPS + ")");
        }
        for (TxnCommand.Op op : command.ops()) {
            if (!op.type().equals(TxnExecutor.KV) && !op.type().equals(TxnExecutor.CATALOG)) {
                throw new IllegalArgumentException("unknown operation type \"" + op.type() + "\"");
            }
        }
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return TxnExecutor.run(TxnCommand.decode(payload), state).encode();
    }
}
