package io.cairn.query.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cairn.query.api.PreparedQueries;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the leader: deletes the queries whose session is gone, as Consul deletes them with their session. Once a
 * second it looks at this server's state (on the leader that is current) and, if a query's session no longer
 * exists, submits one {@code reap} command, which deletes every such query. A new leader catches up on its
 * first round.
 */
@Component(service = {})
public final class SessionReaper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionReaper.class);
    private static final long TICK_MILLIS = 1000;

    private final RaftService raft;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ScheduledExecutorService executor;

    @Activate
    public SessionReaper(@Reference RaftService raft) {
        this.raft = raft;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-query-reaper");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One round: submits a reap if this server leads and some query's session is gone. */
    void tick() {
        try {
            if (!raft.isLeader() || raft.state().read(QueryStore::orphans).isEmpty()
                    || !inFlight.compareAndSet(false, true)) {
                return;
            }
            raft.submit(PreparedQueries.COMMAND_TYPE, QueryCommand.reap().encode()).whenComplete((r, e) -> {
                inFlight.set(false);
                if (e != null) {
                    LOG.warn("Could not delete the prepared queries of invalidated sessions", e);
                }
            });
        } catch (RuntimeException e) {
            inFlight.set(false);
            LOG.warn("Prepared query session sweep failed this round", e);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
