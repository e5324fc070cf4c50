package io.cairn.operator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cairn.agent.api.MemberStatus;

/**
 * Decides which dead servers autopilot removes from the Raft configuration, with Consul's rules: only with
 * {@code CleanupDeadServers}; a server is dead when its gossip member failed or left (never the leader);
 * non-voters go first and freely; voters only while fewer than half of them less one are removed
 * ({@code (voters - 1) / 2}, so a quorum of the rest stays) and never below {@code MinQuorum} voters.
 */
final class DeadServerCleanup {

    private DeadServerCleanup() {
    }

    /** The ids to remove, in the order to remove them. */
    static List<String> removable(AutopilotConfig config, List<ServerHealth> servers) {
        if (!config.cleanupDeadServers()) {
            return List.of();
        }
        List<ServerHealth> dead = servers.stream()
                .filter(s -> !s.leader() && (s.serfStatus() == MemberStatus.FAILED
                        || s.serfStatus() == MemberStatus.LEFT))
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
