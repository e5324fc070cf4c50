package io.cairn.operator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.api.ServerProgress;

/**
 * Computes autopilot's health of the servers with Consul's rules, and remembers since when each server's health
 * is what it is ({@code StableSince}). A server is healthy when its gossip member is alive and, unless it leads,
 * the leader heard from it within {@code LastContactThreshold}, it is in the leader's term and it trails the
 * leader's last index by at most {@code MaxTrailingLogs}. The cluster is healthy when every server is; its
 * failure tolerance is how many healthy voters it can lose and keep a quorum.
 * <p>
 * The Raft core's leader heartbeats a follower every {@value #HEARTBEAT_MILLIS} ms (half its minimum election
 * timeout), where Consul's Raft does it every tenth of its timeout; so the last contact is held against the
 * threshold plus that interval, or every follower would turn unhealthy between two heartbeats.
 */
final class HealthTracker {

    /** The Raft core's heartbeat interval. */
    static final long HEARTBEAT_MILLIS = 250;

    /** The cluster's health: Consul's {@code OperatorHealthReply}, with the leader's id and the voters. */
    record Report(boolean healthy, int failureTolerance, String leader, List<ServerHealth> servers) {

        List<String> voters() {
            return servers.stream().filter(ServerHealth::voter).map(ServerHealth::id).toList();
        }
    }

    private final Map<String, ServerHealth> last = new HashMap<>();

    /**
     * The health now, from the Raft configuration, the leader's view of each server's progress and the LAN
     * members (found by node name, which is a server's Raft id in Cairn).
     */
    synchronized Report update(AutopilotConfig config, RaftConfiguration configuration, List<ServerProgress> progress,
            List<Member> members, Instant now) {
        Map<String, ServerProgress> byId = progress.stream()
                .collect(Collectors.toMap(ServerProgress::id, Function.identity(), (a, b) -> a));
        Map<String, Member> byName = members.stream()
                .collect(Collectors.toMap(Member::name, Function.identity(), (a, b) -> a));
        Optional<ServerInfo> leader = configuration.servers().stream().filter(ServerInfo::leader).findFirst();
        Optional<ServerProgress> leaderProgress = leader.map(l -> byId.get(l.id()));
        List<ServerHealth> servers = new ArrayList<>();
        for (ServerInfo server : configuration.servers()) {
            Member member = byName.get(server.node());
            MemberStatus serf = member == null ? MemberStatus.NONE : member.status();
            ServerProgress p = byId.get(server.id());
            boolean healthy = serf == MemberStatus.ALIVE && p != null
                    && (server.leader() || leaderProgress.map(l -> follows(config, l, p)).orElse(false));
            ServerHealth previous = last.get(server.id());
            Instant since = previous != null && previous.healthy() == healthy ? previous.stableSince() : now;
            servers.add(new ServerHealth(server.id(), server.node(), server.address(), serf, version(member),
                    server.leader(), server.voter(), Duration.ofMillis(p == null ? 0 : p.lastContactMillis()),
                    p == null ? 0 : p.lastTerm(), p == null ? 0 : p.lastIndex(), healthy, since));
        }
        last.clear();
        servers.forEach(s -> last.put(s.id(), s));
        long voters = servers.stream().filter(ServerHealth::voter).count();
        long healthyVoters = servers.stream().filter(s -> s.voter() && s.healthy()).count();
        int tolerance = (int) Math.max(0, healthyVoters - (voters / 2 + 1));
        boolean healthy = !servers.isEmpty() && servers.stream().allMatch(ServerHealth::healthy);
        return new Report(healthy, tolerance, leader.map(ServerInfo::id).orElse(""), List.copyOf(servers));
    }

    private static boolean follows(AutopilotConfig config, ServerProgress leader, ServerProgress server) {
        boolean contact = server.lastContactMillis() < config.lastContactThreshold().toMillis() + HEARTBEAT_MILLIS;
        boolean trailing = leader.lastIndex() <= config.maxTrailingLogs()
                || server.lastIndex() >= leader.lastIndex() - config.maxTrailingLogs();
        return contact && server.lastTerm() == leader.lastTerm() && trailing;
    }

    /** The version part of the member's {@code build} tag ({@code version:revision}). */
    private static String version(Member member) {
        String build = member == null ? null : member.tags().get("build");
        if (build == null) {
            return "";
        }
        int colon = build.indexOf(':');
        return colon < 0 ? build : build.substring(0, colon);
    }
}
