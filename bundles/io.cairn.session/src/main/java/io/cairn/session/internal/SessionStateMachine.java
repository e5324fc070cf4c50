package io.cairn.session.internal;

import java.time.Duration;
import java.util.Optional;

import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;
import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.Sessions;

/**
 * The deterministic apply of {@link SessionCommand}s over the {@value Sessions#TABLE} table. Destroying a
 * session and releasing (or deleting) its keys is one command: the key changes are a nested {@code kv} command,
 * so no server ever sees a lock held by a session that is gone.
 */
public final class SessionStateMachine {

    /** Result of a renewal of a session that exists. */
    static final byte[] FOUND = {1};
    /** Result of a renewal of an unknown session. */
    static final byte[] NOT_FOUND = {0};
    private static final byte[] NONE = new byte[0];
    /** The KV handler's command type, which applies {@link KvSessionInvalidation}s. */
    static final String KV_COMMAND_TYPE = "kv";

    private final SessionTimers timers;

    /** {@code timers} are (re)started as creations and renewals are applied, and stopped as sessions go. */
    public SessionStateMachine(SessionTimers timers) {
        this.timers = timers;
    }

    public byte[] apply(SessionCommand command, StateWriter state) {
        return switch (command.op()) {
            case SessionCommand.CREATE -> {
                StoredSession session = command.session();
                state.put(Sessions.TABLE, session.id(), session.encode());
                timers.start(session.id(), Duration.ofNanos(session.ttlNanos()));
                yield NONE;
            }
            case SessionCommand.DESTROY -> {
                destroy(command.id(), state);
                yield NONE;
            }
            case SessionCommand.RENEW -> {
                Optional<Entry> existing = state.get(Sessions.TABLE, command.id());
                if (existing.isEmpty()) {
                    yield NOT_FOUND.clone();
                }
                timers.start(command.id(), Duration.ofNanos(StoredSession.decode(existing.get().value()).ttlNanos()));
                yield FOUND.clone();
            }
            default -> throw new IllegalArgumentException("Invalid session operation \"" + command.op() + "\"");
        };
    }

    /** Destroying an unknown session succeeds and changes nothing, as in Consul. */
    private void destroy(String id, StateWriter state) {
        Optional<Entry> existing = state.get(Sessions.TABLE, id);
        if (existing.isEmpty()) {
            return;
        }
        StoredSession session = StoredSession.decode(existing.get().value());
        state.delete(Sessions.TABLE, id);
        timers.stop(id);
        long delay = Math.min(session.lockDelayNanos(), Sessions.MAX_LOCK_DELAY.toNanos());
        state.apply(KV_COMMAND_TYPE, new KvSessionInvalidation(id,
                session.behaviorValue() == SessionBehavior.DELETE, delay).encode());
    }
}
