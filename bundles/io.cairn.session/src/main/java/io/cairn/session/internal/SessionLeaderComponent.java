package io.cairn.session.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SessionLeader#tick} twice a second on its own thread. TTLs are at least 10 s and get twice that
 * before they count, so half a second of lateness is noise; health changes are seen within the same half
 * second. The catalog is read from this server's own state (stale reads): on the leader that is current.
 */
@Component(service = {})
public final class SessionLeaderComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLeaderComponent.class);
    private static final long TICK_MILLIS = 500;

    private final ScheduledExecutorService executor;

    @Activate
    public SessionLeaderComponent(@Reference RaftService raft, @Reference Catalog catalog,
            @Reference SessionTimers timers) {
        SessionLeader leader = new SessionLeader(raft, node -> health(catalog, node), timers);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-session-leader");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                leader.tick();
            } catch (RuntimeException e) {
                LOG.warn("Session leader duties failed this round", e);
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private static Optional<Map<String, CheckStatus>> health(Catalog catalog, String node) {
        if (catalog.node(node, Consistency.STALE).toCompletableFuture().join().value().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(catalog.nodeChecks(node, Consistency.STALE).toCompletableFuture().join().value()
                .stream().collect(Collectors.toMap(HealthCheck::checkId, HealthCheck::status, (a, b) -> a)));
    }
}
