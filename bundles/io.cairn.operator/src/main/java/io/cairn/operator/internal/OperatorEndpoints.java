package io.cairn.operator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ServerInfo;

/**
 * Consul's operator endpoints on a server: the Raft configuration, removing a peer, moving leadership, and
 * autopilot's configuration, health and state. Reading needs {@code operator:read}, changing
 * {@code operator:write}, as in Consul. Errors a client may parse carry Consul's texts.
 */
final class OperatorEndpoints implements HttpEndpoints {

    private final RaftService raft;
    private final RaftOperator operator;
    private final Autopilot autopilot;

    OperatorEndpoints(RaftService raft, RaftOperator operator, Autopilot autopilot) {
        this.raft = raft;
        this.operator = operator;
        this.autopilot = autopilot;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .get("/v1/operator/raft/configuration", this::raftConfiguration)
                .delete("/v1/operator/raft/peer", this::removePeer)
                .post("/v1/operator/raft/transfer-leader", this::transferLeader)
                .get("/v1/operator/autopilot/configuration", this::autopilotConfiguration)
                .put("/v1/operator/autopilot/configuration", this::setAutopilotConfiguration)
                .get("/v1/operator/autopilot/health", this::health)
                .get("/v1/operator/autopilot/state", this::state);
    }

    /** Served after the consistency barrier, so {@code ?stale} answers from a follower without a leader. */
    CompletionStage<Response> raftConfiguration(Request request) {
        requireRead(request);
        return raft.barrier(request.consistency())
                .thenApply(context -> Response.json(RaftConfigurationBody.of(raft.configuration())));
    }

    /** {@code ?id=} or {@code ?address=} (one of them) of a server of the configuration. */
    CompletionStage<Response> removePeer(Request request) {
        requireWrite(request);
        Optional<String> id = request.param("id");
        Optional<String> address = request.param("address");
        if (id.isEmpty() && address.isEmpty()) {
            throw HttpException.badRequest(
                    "Must specify either ?id with the server's ID or ?address with IP:port of peer to remove");
        }
        if (id.isPresent() && address.isPresent()) {
            throw HttpException.badRequest("Must specify only one of ?id or ?address");
        }
        Predicate<ServerInfo> match = id.isPresent() ? s -> s.id().equals(id.get())
                : s -> s.address().equals(address.get());
        ServerInfo server = raft.configuration().servers().stream().filter(match).findFirst()
                .orElseThrow(() -> new HttpException(500, id.isPresent()
                        ? "id \"" + id.get() + "\" was not found in the Raft configuration"
                        : "address \"" + address.get() + "\" was not found in the Raft configuration"));
        return raft.removeServer(server.id()).thenApply(done -> Response.ok());
    }

    /** To {@code ?id=}, or to the most up-to-date follower; answers {@code {"Success": true}}. */
    CompletionStage<Response> transferLeader(Request request) {
        requireWrite(request);
        Optional<String> id = request.param("id").filter(s -> !s.isEmpty());
        return operator.transferLeadership(id).handle((leader, failure) -> {
            if (failure == null) {
                return Response.json(Map.of("Success", true));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof IllegalArgumentException) {
                throw new HttpException(500, "Failed to transfer leadership: " + cause.getMessage());
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    CompletionStage<Response> autopilotConfiguration(Request request) {
        requireRead(request);
        return raft.barrier(request.consistency()).thenApply(context -> {
            AutopilotConfigCommand.Stored stored = autopilot.config();
            return Response.json(stored.config().toJson(true, stored.createIndex(), stored.modifyIndex()));
        });
    }

    /** Answers {@code true}, or with {@code ?cas=} whether the check-and-set held. */
    CompletionStage<Response> setAutopilotConfiguration(Request request) {
        requireWrite(request);
        AutopilotConfig config;
        try {
            config = AutopilotConfig.parse(request.body());
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Error parsing autopilot config: " + e.getMessage());
        }
        OptionalLong cas = OptionalLong.empty();
        Optional<String> casText = request.param("cas");
        if (casText.isPresent()) {
            try {
                cas = OptionalLong.of(Long.parseUnsignedLong(casText.get()));
            } catch (NumberFormatException e) {
                throw HttpException.badRequest("Error parsing cas value: strconv.ParseUint: parsing \""
                        + casText.get() + "\": invalid syntax");
            }
        }
        boolean checked = cas.isPresent();
        return raft.submit(AutopilotConfigCommand.TYPE, AutopilotConfigCommand.payload(config, cas))
                .thenApply(result -> Response.json(!checked
                        || "true".equals(new String(result.result(), StandardCharsets.US_ASCII))));
    }

    /** 429 instead of 200 while any server is unhealthy, as in Consul. */
    CompletionStage<Response> health(Request request) {
        requireRead(request);
        return autopilot.health().thenApply(report -> Response.json(report.healthy() ? 200 : 429,
                AutopilotBodies.health(report)));
    }

    CompletionStage<Response> state(Request request) {
        requireRead(request);
        return autopilot.health().thenApply(report -> Response.json(AutopilotBodies.state(report)));
    }

    private static void requireRead(Request request) {
        if (!request.acl().operatorRead()) {
            throw request.permissionDenied("operator:read", null);
        }
    }

    private static void requireWrite(Request request) {
        if (!request.acl().operatorWrite()) {
            throw request.permissionDenied("operator:write", null);
        }
    }
}
