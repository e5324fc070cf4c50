package io.cairn.session.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.RaftService;
import io.cairn.session.api.Session;
import io.cairn.session.api.Sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the leader does for sessions, one {@link #tick} at a time: makes sure every TTL session has a timer, and
 * invalidates (through a replicated {@code destroy}) the sessions whose TTL ran out, whose node left the
 * catalog, or one of whose checks is gone or critical. Followers do nothing here; their timers run from the
 * creations and renewals they apply ({@link SessionTimers}), so a new leader goes on from those.
 */
public final class SessionLeader {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLeader.class);

    /** The health the catalog reports for a node: its checks by ID, or empty if the node is not registered. */
    @FunctionalInterface
    public interface NodeHealth {
        Optional<Map<String, CheckStatus>> checks(String node);
    }

    private final RaftService raft;
    private final NodeHealth health;
    private final SessionTimers timers;
    /** Sessions whose destroy is in flight (touched by the tick and by Raft completions), submitted once. */
    private final Set<String> invalidating = ConcurrentHashMap.newKeySet();
    private long sweptAt = -1;

    public SessionLeader(RaftService raft, NodeHealth health, SessionTimers timers) {
        this.raft = raft;
        this.health = health;
        this.timers = timers;
    }

    public void tick() {
        if (!raft.isLeader()) {
            sweptAt = -1;
            return;
        }
        List<Session> sessions = raft.state().read(view -> view.scan(Sessions.TABLE, "").stream()
                .map(StoredSession::read).toList());
        Set<String> live = sessions.stream().map(Session::id).collect(Collectors.toSet());
        timers.retain(live);
        invalidating.retainAll(live);
        for (Session session : sessions) {
            if (!session.ttl().isZero() && !timers.running(session.id())) {
                timers.start(session.id(), session.ttl());
            }
        }
        for (String id : timers.expired()) {
            invalidate(id, "its TTL expired");
        }
        long applied = raft.state().appliedIndex();
        if (applied != sweptAt) {
            sweptAt = applied;
            sessions.forEach(this::checkHealth);
        }
    }

    /** Consul invalidates a session whose node is deregistered or one of whose checks is removed or critical. */
    private void checkHealth(Session session) {
        Optional<Map<String, CheckStatus>> checks = health.checks(session.node());
        if (checks.isEmpty()) {
            invalidate(session.id(), "node " + session.node() + " is not registered");
            return;
        }
        for (String checkId : session.checkIds()) {
            CheckStatus status = checks.get().get(checkId);
            if (status == null || status == CheckStatus.CRITICAL) {
                invalidate(session.id(), "check " + checkId + (status == null ? " is gone" : " is critical"));
                return;
            }
        }
    }

    private void invalidate(String id, String why) {
        if (!invalidating.add(id)) {
            return;
        }
        LOG.info("Invalidating session {}: {}", id, why);
        raft.submit(Sessions.COMMAND_TYPE, SessionCommand.destroy(id).encode()).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Could not invalidate session {} (will retry): {}", id, failure.toString());
                invalidating.remove(id);
            }
        });
    }
}
