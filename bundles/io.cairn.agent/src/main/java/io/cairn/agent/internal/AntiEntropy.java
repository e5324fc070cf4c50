package io.cairn.agent.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.raft.api.Consistency;

/**
 * One full sync of this agent's node with the catalog: reads the catalog's view of the node, then writes the
 * differences ({@link SyncPlan}) one after the other, logging each service synced as Consul does.
 */
final class AntiEntropy {
    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropy.class);
    private final AgentInfo agent;
    private final LocalState state;
    private final Supplier<Catalog> catalog;

    /**
     * @param catalog the catalog now, or {@code null} while there is none (a sync then does nothing)
     */
    AntiEntropy(AgentInfo agent, LocalState state, Supplier<Catalog> catalog) {
        this.agent = agent;
        this.state = state;
        this.catalog = catalog;
    }

    /**
     * Completes once the catalog matches the local state as it was when the sync started. Tags set in the
     * catalog for a tag-override service are taken into the local state on the way; once the writes are done,
     * the services they covered no longer count as registered since the last sync.
     */
    CompletionStage<Void> sync() {
        Catalog target = catalog.get();
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        String nodeName = agent.nodeName();
        LocalState.Snapshot local = state.snapshot();
        var node = target.node(nodeName, Consistency.DEFAULT).toCompletableFuture();
        var checks = target.nodeChecks(nodeName, Consistency.DEFAULT).toCompletableFuture();
        Map<String, String> tokens = new HashMap<>();
        local.services().forEach(service -> tokens.put(service.id(), service.token()));
        return node.thenCombine(checks, (n, c) -> plan(local, n.value(), c.value()))
                .thenCompose(plan -> apply(target, plan, tokens))
                .thenRun(() -> state.synced(local.services()));
    }

    private SyncPlan plan(LocalState.Snapshot local, Optional<NodeServices> catalogNode,
            List<HealthCheck> catalogChecks) {
        Node node = CatalogRecords.node(agent);
        List<NodeService> services = local.services().stream()
                .map(s -> CatalogRecords.service(s.definition())).toList();
        List<HealthCheck> checks = new ArrayList<>();
        local.checks().forEach(check -> checks.add(CatalogRecords.check(node.node(), check)));
        SyncPlan plan = SyncPlan.between(node, services, checks, catalogNode.map(NodeServices::node),
                catalogNode.map(NodeServices::services).orElse(List.of()), catalogChecks,
                local.registeredSinceSync());
        local.services().stream().filter(s -> plan.catalogTags().containsKey(s.id()))
                .forEach(s -> state.takeCatalogTags(s, plan.catalogTags().get(s.id())));
        return plan;
    }

    /**
     * Writes {@code plan}: a service's registration as the token it was registered with ({@code tokens} by service
     * ID), everything else as the agent's token.
     */
    private static CompletionStage<Void> apply(Catalog catalog, SyncPlan plan, Map<String, String> tokens) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        for (var deregistration : plan.deregistrations()) {
            done = done.thenCompose(ignored -> catalog.deregister(deregistration));
        }
        for (var registration : plan.registrations()) {
            String token = registration.service() == null ? ""
                    : tokens.getOrDefault(registration.service().id(), "");
            done = done.thenCompose(ignored -> catalog.register(registration, token));
            if (registration.service() != null) {
                String id = registration.service().id();
                done = done.thenRun(() -> LOG.info("Synced service: service={}", id));
            }
        }
        return done;
    }
}
