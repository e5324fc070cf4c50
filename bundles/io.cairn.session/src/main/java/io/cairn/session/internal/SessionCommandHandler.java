package io.cairn.session.internal;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;
import io.cairn.session.api.Sessions;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Applies the replicated {@code session} commands (see {@link SessionStateMachine}). */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + Sessions.COMMAND_TYPE)
public final class SessionCommandHandler implements CommandHandler {

    private final SessionStateMachine machine;

    @Activate
    public SessionCommandHandler(@Reference(name = "timers") SessionTimers timers) {
        this.machine = new SessionStateMachine(timers);
    }

    @Override
    public void validate(byte[] payload) {
        SessionCommand.decode(payload).validate();
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        return machine.apply(SessionCommand.decode(payload), state);
    }
}
