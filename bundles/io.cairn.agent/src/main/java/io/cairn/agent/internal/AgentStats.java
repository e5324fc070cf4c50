package io.cairn.agent.internal;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.go.lang.GoDuration;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.WanDistances;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;

/**
 * The {@code Stats} of {@code /v1/agent/self}, the sections {@code consul info} prints, in its order: {@code agent}
 * (local services and checks), {@code build}, on a server {@code consul} and {@code raft} (what the Raft service
 * tells: its role, applied index, last contact with the leader, peers and configuration; Cairn's Raft reports no
 * term or commit index), {@code runtime} (the JVM's: threads for goroutines, cores for {@code max_procs}), and
 * {@code serf_lan} / {@code serf_wan} from the gossip pools that run. Every value is a string, as in Consul.
 */
final class AgentStats {
    private final AgentInfo agent;
    private final Supplier<RaftService> raft;
    private final Supplier<Membership> lan;
    private final Supplier<Membership> wan;
    private final Supplier<LocalState.Snapshot> local;

    /**
     * @param raft  the Raft service now, or {@code null} while there is none
     * @param lan   the LAN pool now, or {@code null} while gossip is not running
     * @param wan   the WAN pool now, or {@code null} (client agents, or gossip not running)
     * @param local this agent's services and checks now
     */
    AgentStats(AgentInfo agent, Supplier<RaftService> raft, Supplier<Membership> lan, Supplier<Membership> wan,
            Supplier<LocalState.Snapshot> local) {
        this.agent = agent;
        this.raft = raft;
        this.lan = lan;
        this.wan = wan;
        this.local = local;
    }

    Map<String, Map<String, String>> sections() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put("agent", agentSection());
        sections.put("build", build());
        sections.put("consul", consul());
        RaftService service = raft.get();
        if (agent.server() && service != null) {
            sections.put("raft", raft(service));
        }
        sections.put("runtime", runtime());
        Membership lanPool = lan.get();
        if (lanPool != null) {
            sections.put("serf_lan", serf(lanPool));
        }
        Membership wanPool = wan.get();
        if (agent.server() && wanPool != null) {
            sections.put("serf_wan", serf(wanPool));
        }
        return sections;
    }

    private Map<String, String> agentSection() {
        LocalState.Snapshot snapshot = local.get();
        Map<String, String> section = new LinkedHashMap<>();
        section.put("check_monitors", Long.toString(checksOfType(snapshot, "script")));
        section.put("check_ttls", Long.toString(checksOfType(snapshot, "ttl")));
        section.put("checks", Integer.toString(snapshot.checks().size()));
        section.put("services", Integer.toString(snapshot.services().size()));
        return section;
    }

    private static long checksOfType(LocalState.Snapshot snapshot, String type) {
        return snapshot.checks().stream().filter(check -> check.type().equals(type)).count();
    }

    private static Map<String, String> build() {
        Map<String, String> section = new LinkedHashMap<>();
        section.put("prerelease", "");
        section.put("revision", ConsulVersion.REVISION);
        section.put("version", ConsulVersion.VERSION);
        section.put("version_metadata", "");
        return section;
    }

    private Map<String, String> consul() {
        Map<String, String> section = new LinkedHashMap<>();
        RaftService service = raft.get();
        if (agent.server()) {
            Membership wanPool = wan.get();
            section.put("known_datacenters", Integer.toString(wanPool == null ? 1
                    : WanDistances.datacentersByDistance(wanPool).size()));
            section.put("leader", Boolean.toString(service != null && service.isLeader()));
            section.put("leader_addr", service == null ? "" : service.leader().orElse(""));
            section.put("server", "true");
        } else {
            Membership pool = lan.get();
            long servers = pool == null ? 0 : pool.members().stream()
                    .filter(m -> m.server() && m.status() == MemberStatus.ALIVE).count();
            section.put("known_servers", Long.toString(servers));
            section.put("server", "false");
        }
        return section;
    }

    private static Map<String, String> raft(RaftService service) {
        Map<String, String> section = new LinkedHashMap<>();
        RaftConfiguration configuration = service.configuration();
        boolean leader = service.isLeader();
        section.put("applied_index", Long.toString(service.state().appliedIndex()));
        section.put("last_contact", leader ? "0" : lastContact(service));
        section.put("latest_configuration", configuration.servers().stream()
                .map(s -> "{Suffrage:" + (s.voter() ? "Voter" : "Nonvoter") + " ID:" + s.id() + " Address:"
                        + s.address() + "}")
                .collect(Collectors.joining(" ", "[", "]")));
        section.put("latest_configuration_index", Long.toString(configuration.index()));
        section.put("num_peers", Integer.toString(Math.max(0, (int) configuration.servers().stream()
                .filter(s -> s.voter()).count() - 1)));
        section.put("protocol_version", "3");
        section.put("state", leader ? "Leader" : service.leader().isPresent() ? "Follower" : "Candidate");
        return section;
    }

    /** The time since the leader was last heard from, as a Go duration; {@code never} without a leader. */
    private static String lastContact(RaftService service) {
        CompletableFuture<ReadContext> stale = service.barrier(Consistency.STALE).toCompletableFuture();
        Optional<ReadContext> context = Optional.ofNullable(stale.isDone() && !stale.isCompletedExceptionally()
                ? stale.join() : null);
        return context.filter(ReadContext::knownLeader)
                .map(c -> GoDuration.format(c.lastContactMillis() * 1_000_000L)).orElse("never");
    }

    private static Map<String, String> runtime() {
        Map<String, String> section = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        section.put("arch", goArch(System.getProperty("os.arch", "")));
        section.put("cpu_count", Integer.toString(cores));
        section.put("goroutines", Integer.toString(ManagementFactory.getThreadMXBean().getThreadCount()));
        section.put("max_procs", Integer.toString(cores));
        section.put("os", System.getProperty("os.name", "").toLowerCase(Locale.ROOT).replace(" ", ""));
        section.put("version", "java" + Runtime.version());
        return section;
    }

    /** The JVM's architecture under Go's name ({@code amd64}, {@code arm64}, {@code 386}), others as they are. */
    static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> javaArch;
        };
    }

    private Map<String, String> serf(Membership pool) {
        List<Member> members = pool.members();
        Map<String, String> section = new LinkedHashMap<>();
        section.put("encrypted", Boolean.toString(!agent.secret("encrypt").isEmpty()));
        section.put("failed", Long.toString(count(members, MemberStatus.FAILED)));
        section.put("left", Long.toString(count(members, MemberStatus.LEFT)));
        section.put("members", Integer.toString(members.size()));
        return section;
    }

    private static long count(List<Member> members, MemberStatus status) {
        return members.stream().filter(m -> m.status() == status).count();
    }
}
