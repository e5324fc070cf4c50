package io.cairn.operator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cairn.agent.api.MemberStatus;

/**
 * Decides which dead servers autopilot removes from the Raft configuration, with Consul's rules: only with
 * {@code CleanupDeadServers}; a server is dead when its gossip member failed or left (never the leader);
 * non-voters go first and freely; voters only while fewer than half of them less one are removed
 * ({@code (voters - 1) / 2}, so a quorum of the rest stays) and never below {@code MinQuorum} voters.
 * <p>
 * Unlike Consul's, a server must also have been unhealthy for {@link #MIN_DEAD_TIME}, or the
 * {@code ServerStabilizationTime} if that is longer: a server that pauses, or restarts as a JVM does (far slower
 * than a Go process), stays in the group, so a group of three does not shrink to two on every restart, and a server
 * removed while it was down does not come back with a stale view of the group (Ratis lets such a server disturb
 * elections until the leader adds it back).
 */
final class DeadServerCleanup {

    /** The least time a server must have been unhealthy before it counts as dead. */
    static final Duration MIN_DEAD_TIME = Duration.ofSeconds(60);

    private DeadServerCleanup() {
    }

    /** The ids to remove now, in the order to remove them. */
    static List<String> removable(AutopilotConfig config, List<ServerHealth> servers, Instant now) {
        if (!config.cleanupDeadServers()) {
            return List.of();
        }
        Duration deadTime = config.serverStabilizationTime().compareTo(MIN_DEAD_TIME) > 0
                ? config.serverStabilizationTime() : MIN_DEAD_TIME;
        List<ServerHealth> dead = servers.stream()
                .filter(s -> !s.leader() && (s.serfStatus() == MemberStatus.FAILED
                        || s.serfStatus() == MemberStatus.LEFT))
                .filter(s -> !s.healthy() && Duration.between(s.stableSince(), now).compareTo(deadTime) >= 0)
                .sorted(Comparator.comparing(ServerHealth::voter).thenComparing(ServerHealth::id))
                .toList();
        long voters = servers.stream().filter(ServerHealth::voter).count();
        long maxVoterRemovals = (voters - 1) / 2;
        List<String> removable = new ArrayList<>();
        for (ServerHealth server : dead) {
            if (server.voter()) {
                if (maxVoterRemovals < 1 || (config.minQuorum() > 0 && voters <= config.minQuorum())) {
                    break;
                }
                maxVoterRemovals--;
                voters--;
            }
            removable.add(server.id());
        }
        return List.copyOf(removable);
    }
}
