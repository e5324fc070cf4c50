package io.cairn.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionRequest;
import io.cairn.session.api.Sessions;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Sessions} over the Raft log. A new session's node and checks are checked against the catalog before
 * the create is submitted; a node or check that disappears in between is caught by the leader's health sweep,
 * which invalidates the session (see {@link SessionLeader}).
 */
@Component(service = Sessions.class)
public final class RaftSessions implements Sessions {

    private final RaftService raft;
    private final Catalog catalog;

    @Activate
    public RaftSessions(@Reference RaftService raft, @Reference Catalog catalog) {
        this.raft = raft;
        this.catalog = catalog;
    }

    @Override
    public CompletionStage<String> create(SessionRequest request) {
        try {
            SessionRules.validate(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String id = UUID.randomUUID().toString();
        StoredSession session = new StoredSession(id, request.name(), request.node(),
                Math.max(0, Math.min(request.lockDelay().toNanos(), MAX_LOCK_DELAY.toNanos())),
                request.behavior().text(), request.ttl().toNanos(), request.nodeChecks(),
                request.serviceChecks().stream().map(ServiceCheck::id).toList());
        return checkBinding(request)
                .thenCompose(ok -> raft.submit(COMMAND_TYPE, SessionCommand.create(session).encode()))
                .thenApply(result -> id);
    }

    /** Consul's create-time rules, with its texts: the node is registered, every check exists and is not critical. */
    private CompletionStage<Void> checkBinding(SessionRequest request) {
        return catalog.node(request.node(), Consistency.DEFAULT).thenCompose(node -> {
            if (node.value().isEmpty()) {
                throw new IllegalStateException("Missing node registration");
            }
            return catalog.nodeChecks(request.node(), Consistency.DEFAULT);
        }).thenAccept(checks -> {
            Map<String, CheckStatus> byId = checks.value().stream()
                    .collect(Collectors.toMap(HealthCheck::checkId, HealthCheck::status, (a, b) -> a));
            List<String> bound = new ArrayList<>(request.nodeChecks());
            request.serviceChecks().forEach(c -> bound.add(c.id()));
            for (String checkId : bound) {
                CheckStatus status = byId.get(checkId);
                if (status == null) {
                    throw new IllegalStateException("Missing check '" + checkId + "' registration");
                }
                if (status == CheckStatus.CRITICAL) {
                    throw new IllegalStateException("Check '" + checkId + "' is in " + status.text() + " state");
                }
            }
        });
    }

    @Override
    public CompletionStage<Void> destroy(String id) {
        return raft.submit(COMMAND_TYPE, SessionCommand.destroy(id).encode()).thenApply(result -> null);
    }

    @Override
    public CompletionStage<Optional<Session>> renew(String id) {
        return raft.submit(COMMAND_TYPE, SessionCommand.renew(id).encode()).thenApply(result ->
                result.result().length == 1 && result.result()[0] == SessionStateMachine.FOUND[0]
                        ? raft.state().get(TABLE, id).map(StoredSession::read)
                        : Optional.empty());
    }

    @Override
    public CompletionStage<Optional<Session>> get(String id, Consistency consistency) {
        return read(consistency, state -> SessionReads.get(state, id));
    }

    @Override
    public CompletionStage<List<Session>> list(Consistency consistency) {
        return read(consistency, SessionReads::list);
    }

    @Override
    public CompletionStage<List<Session>> node(String node, Consistency consistency) {
        return read(consistency, state -> SessionReads.node(state, node));
    }

    private <T> CompletionStage<T> read(Consistency consistency, Function<StateView, T> reader) {
        return raft.barrier(consistency).thenApply(context -> raft.state().read(reader));
    }
}
