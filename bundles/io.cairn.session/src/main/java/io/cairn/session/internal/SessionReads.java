package io.cairn.session.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.raft.api.StateView;
import io.cairn.session.api.Session;
import io.cairn.session.api.Sessions;

/** Reads of the session table, in ID order; every answer's index is the whole table's, as Consul's. */
public final class SessionReads {

    private SessionReads() {
    }

    public static Optional<Session> get(StateView state, String id) {
        return state.get(Sessions.TABLE, id).map(StoredSession::read);
    }

    public static List<Session> list(StateView state) {
        return state.scan(Sessions.TABLE, "").stream().map(StoredSession::read).toList();
    }

    public static List<Session> node(StateView state, String node) {
        return list(state).stream().filter(s -> s.node().equals(node)).toList();
    }

    /** Never 0, so a watcher of an empty table still has an index to block on. */
    public static long index(StateView state) {
        return Math.max(1, state.index(Sessions.TABLE, ""));
    }
}
