package io.cairn.session.internal;

import java.util.Map;

import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.StateView;
import io.cairn.session.api.Sessions;

/** A one-server session service over the fake Raft and catalog, for tests outside this package. */
public final class SessionTestKit {

    private final SessionRaft raft = new SessionRaft(new SessionTimers(() -> 0));
    private final FakeCatalog catalog = new FakeCatalog();
    private final RaftSessions sessions = new RaftSessions(raft, catalog);

    public void catalog(String node, Map<String, CheckStatus> checks) {
        catalog.node(node, checks);
    }

    public Sessions sessions() {
        return sessions;
    }

    public StateView state() {
        return raft.state();
    }
}
