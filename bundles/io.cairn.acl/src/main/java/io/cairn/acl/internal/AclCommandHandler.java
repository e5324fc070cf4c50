package io.cairn.acl.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Component;

/** Applies the replicated {@value #COMMAND_TYPE} commands (see {@link AclStore}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + AclCommandHandler.COMMAND_TYPE)
public final class AclCommandHandler implements CommandHandler {

    /** The Raft command type of ACL commands. */
    public static final String COMMAND_TYPE = "acl";

    @Override
    public void validate(byte[] payload) {
        AclCommand.decode(payload).validate();
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return AclStore.apply(AclCommand.decode(payload), state);
    }
}
