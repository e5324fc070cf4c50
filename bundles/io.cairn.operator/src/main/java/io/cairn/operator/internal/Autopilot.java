package io.cairn.operator.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.Member;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.RaftService;

/**
 * Autopilot on this server: the servers' health from the leader's view of the Raft group and this server's view
 * of the LAN pool, and, on the leader, the removal of dead servers ({@link DeadServerCleanup}).
 */
final class Autopilot {
    private static final Logger LOG = LoggerFactory.getLogger(Autopilot.class);

    private final RaftService raft;
    private final RaftOperator operator;
    private final Supplier<List<Member>> members;
    private final Clock clock;
    private final HealthTracker tracker = new HealthTracker();

    /** @param members the LAN pool's members now */
    Autopilot(RaftService raft, RaftOperator operator, Supplier<List<Member>> members, Clock clock) {
        this.raft = raft;
        this.operator = operator;
        this.members = members;
        this.clock = clock;
    }

    /** The configuration as replicated to this server. */
    AutopilotConfigCommand.Stored config() {
        return AutopilotConfigCommand.read(raft.state());
    }

    /** The servers' health now; fails with {@link io.cairn.raft.api.NoLeaderException} when no leader answers. */
    CompletionStage<HealthTracker.Report> health() {
        return operator.progress().thenApply(progress -> tracker.update(config().config(), raft.configuration(),
                progress, members.get(), clock.instant()));
    }

    /** On the leader: updates the health and removes the dead servers the rules allow, one after the other. */
    CompletionStage<Void> reconcile() {
        if (!raft.isLeader()) {
            return CompletableFuture.completedFuture(null);
        }
        return health().thenCompose(report -> {
            CompletionStage<Void> done = CompletableFuture.completedFuture(null);
            for (String id : DeadServerCleanup.removable(config().config(), report.servers(),
                    clock.instant())) {
                done = done.thenCompose(ignored -> {
                    LOG.info("Autopilot: removing dead server {} from the Raft configuration", id);
                    return raft.removeServer(id);
                });
            }
            return done;
        });
    }
}
