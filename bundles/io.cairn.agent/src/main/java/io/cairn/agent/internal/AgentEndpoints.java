package io.cairn.agent.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ServerInfo;

/**
 * The agent's own endpoints: who it is, and on a server what it knows about the Raft group. As in Consul,
 * {@code agent/self} needs {@code agent:read} on this agent, the Raft configuration {@code operator:read}, and the
 * status endpoints no permission.
 */
final class AgentEndpoints implements HttpEndpoints {
    private final AgentInfo agent;
    private final Supplier<RaftService> raft;

    /**
     * @param raft the Raft service now, or {@code null} while there is none
     */
    AgentEndpoints(AgentInfo agent, Supplier<RaftService> raft) {
        this.agent = agent;
        this.raft = raft;
    }

    /**
     * On a client agent the Raft paths are the servers' to answer: they are forwarded, not served here. They take
     * {@code ?dc=}, as Consul's do.
     */
    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/self", this::self);
        if (agent.server()) {
            table.datacenterScoped()
                    .get("/v1/status/leader", this::leader)
                    .get("/v1/status/peers", this::peers)
                    .get("/v1/operator/raft/configuration", this::raftConfiguration);
        }
    }

    CompletionStage<Response> self(Request request) {
        if (!request.acl().agentRead(agent.nodeName())) {
            throw request.permissionDenied("agent:read", agent.nodeName());
        }
        return CompletableFuture.completedFuture(Response.json(AgentSelf.of(agent)));
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

    /** Served after the consistency barrier, so {@code ?stale} answers from a follower without a leader. */
    CompletionStage<Response> raftConfiguration(Request request) {
        if (!request.acl().operatorRead()) {
            throw request.permissionDenied("operator:read", null);
        }
        RaftService service = raft.get();
        if (service == null) {
            return CompletableFuture.failedFuture(new NoLeaderException());
        }
        return service.barrier(request.consistency())
                .thenApply(context -> Response.json(RaftConfigurationBody.of(service.configuration())));
    }
}
