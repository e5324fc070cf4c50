package io.cairn.kv.internal;

import io.cairn.raft.testing.FakeRaft;
import io.cairn.session.api.Sessions;

/** The test kit's one-server Raft with the real KV handler, its lock delays on a fake clock, and session rows. */
public final class KvRaft extends FakeRaft {

    /** The fake monotonic clock of {@link #lockDelays}, in nanoseconds. */
    public long nanos;
    public final LockDelays lockDelays = new LockDelays(() -> nanos);

    public KvRaft() {
        handle(KvStateMachine.COMMAND_TYPE, new KvCommandHandler(lockDelays));
    }

    /** Creates a session record, as the session handler would, so that locks can name it. */
    public void session(String id) {
        state().next().put(Sessions.TABLE, id, new byte[0]);
    }
}
