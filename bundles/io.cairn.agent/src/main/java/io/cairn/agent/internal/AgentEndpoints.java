package io.cairn.agent.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ServerInfo;

/**
 * The agent's own endpoints: who it is, its host, its version and its log, and on a server the Raft leader and
 * peers (the operator bundle serves the rest of the Raft group). As in Consul, {@code agent/self} and
 * {@code agent/monitor} need {@code agent:read} on this agent, {@code agent/host} {@code operator:read}, and
 * {@code agent/version} and the status endpoints no permission.
 */
final class AgentEndpoints implements HttpEndpoints {
    /** The level {@code agent/monitor} streams from when {@code ?loglevel} is not given: Consul's. */
    private static final String DEFAULT_LOG_LEVEL = "info";

    private final AgentInfo agent;
    private final Supplier<RaftService> raft;
    private final AgentStats stats;
    private final LogMonitor monitor;

    /**
     * @param raft    the Raft service now, or {@code null} while there is none
     * @param stats   the {@code Stats} of {@code agent/self}
     * @param monitor the agent's log, for {@code agent/monitor}
     */
    AgentEndpoints(AgentInfo agent, Supplier<RaftService> raft, AgentStats stats, LogMonitor monitor) {
        this.agent = agent;
        this.raft = raft;
        this.stats = stats;
        this.monitor = monitor;
    }

    /**
     * On a client agent the Raft paths are the servers' to answer: they are forwarded, not served here. They take
     * {@code ?dc=}, as Consul's do.
     */
    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/self", this::self)
                .get("/v1/agent/host", this::host)
                .get("/v1/agent/version", this::version)
                .get("/v1/agent/monitor", this::monitor);
        if (agent.server()) {
            table.datacenterScoped()
                    .get("/v1/status/leader", this::leader)
                    .get("/v1/status/peers", this::peers);
        }
    }

    CompletionStage<Response> self(Request request) {
        if (!request.acl().agentRead(agent.nodeName())) {
            throw request.permissionDenied("agent:read", agent.nodeName());
        }
        return CompletableFuture.completedFuture(Response.json(AgentSelf.of(agent, stats.sections())));
    }

    CompletionStage<Response> host(Request request) {
        if (!request.acl().operatorRead()) {
            throw request.permissionDenied("operator:read", null);
        }
        return CompletableFuture.completedFuture(Response.json(HostReport.collect(agent.dataDir())));
    }

    CompletionStage<Response> version(Request request) {
        return CompletableFuture.completedFuture(Response.json(AgentVersion.CURRENT));
    }

    /**
     * The agent's log lines at {@code ?loglevel} (default {@value #DEFAULT_LOG_LEVEL}) and above, in JSON with
     * {@code ?logjson}, streamed as they are logged while the client stays.
     */
    CompletionStage<Response> monitor(Request request) {
        if (!request.acl().agentRead(agent.nodeName())) {
            throw request.permissionDenied("agent:read", agent.nodeName());
        }
        String name = request.param("loglevel").filter(l -> !l.isEmpty()).orElse(DEFAULT_LOG_LEVEL);
        LogMonitor.Level level = LogMonitor.Level.parse(name)
                .orElseThrow(() -> new HttpException(400, "Unknown log level: " + name));
        boolean json = request.flag("logjson");
        return CompletableFuture.completedFuture(Response.stream("text/plain; charset=utf-8",
                sink -> monitor.subscribe(sink, level, json)));
    }

    /** {@code "ip:port"} of the leader, {@code ""} when none is known (clients use this as a liveness ping). */
    CompletionStage<Response> leader(Request request) {
        RaftService service = raft.get();
        String leader = service == null ? "" : service.leader().orElse("");
        return CompletableFuture.completedFuture(Response.json(leader));
    }

    CompletionStage<Response> peers(Request request) {
        RaftService service = raft.get();
        List<String> peers = service == null ? List.of()
                : service.configuration().servers().stream().map(ServerInfo::address).toList();
        return CompletableFuture.completedFuture(Response.json(peers));
    }
}
