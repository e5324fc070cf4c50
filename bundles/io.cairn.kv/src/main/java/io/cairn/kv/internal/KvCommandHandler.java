package io.cairn.kv.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@code kv} commands (see {@link KvStateMachine}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + KvStateMachine.COMMAND_TYPE)
public final class KvCommandHandler implements CommandHandler {

    @Override
    public void validate(byte[] payload) {
        KvStateMachine.validate(KvCommand.decode(payload));
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command (say, one written by a newer version) must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return KvStateMachine.encodeResult(KvStateMachine.apply(KvCommand.decode(payload), state));
    }
}
