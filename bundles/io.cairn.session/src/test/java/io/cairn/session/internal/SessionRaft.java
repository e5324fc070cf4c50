package io.cairn.session.internal;

import java.util.ArrayList;
import java.util.List;

import io.cairn.kv.api.KvOperationResult;
import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.testing.FakeRaft;
import io.cairn.session.api.Sessions;

/**
 * The test kit's one-server Raft with the real {@code session} handler; the nested {@code kv} handler only records
 * the invalidations it is given.
 */
final class SessionRaft extends FakeRaft {

    final List<KvSessionInvalidation> invalidations = new ArrayList<>();
    final CommandHandler handler;

    SessionRaft(SessionTimers timers) {
        handler = new SessionCommandHandler(timers);
        handle(Sessions.COMMAND_TYPE, handler);
        handle(SessionStateMachine.KV_COMMAND_TYPE, (payload, writer) -> {
            invalidations.add(KvSessionInvalidation.decode(payload));
            return KvOperationResult.done(List.of()).encode();
        });
    }
}
