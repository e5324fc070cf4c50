package io.cairn.session.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

/** Nodes and their checks in memory; only the reads sessions make are answered. */
final class FakeCatalog implements Catalog {

    final Map<String, List<HealthCheck>> nodes = new HashMap<>();

    void node(String name, Map<String, CheckStatus> checks) {
        List<HealthCheck> list = new ArrayList<>();
        checks.forEach((id, status) -> list.add(new HealthCheck(name, id, id, status, "", "", "", "", null, "",
                null, 1, 1)));
        nodes.put(name, list);
    }

    @Override
    public String datacenter() {
        return "dc1";
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        Optional<NodeServices> found = nodes.containsKey(node)
                ? Optional.of(new NodeServices(new Node("", node, "127.0.0.1", "dc1", null, null, 1, 1), List.of()))
                : Optional.empty();
        return CompletableFuture.completedFuture(new Indexed<>(found, 1));
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
        return CompletableFuture.completedFuture(new Indexed<>(nodes.getOrDefault(node, List.of()), 1));
    }

    @Override
    public CompletionStage<Void> register(Registration registration) {
        throw new UnsupportedOperationException("sessions only read the catalog");
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration deregistration) {
        throw new UnsupportedOperationException("sessions only read the catalog");
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        throw new UnsupportedOperationException("sessions read single nodes");
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        throw new UnsupportedOperationException("sessions read single nodes");
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        throw new UnsupportedOperationException("sessions read single nodes");
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency) {
        throw new UnsupportedOperationException("sessions read single nodes");
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
            Map<String, String> nodeMeta, Consistency consistency) {
        throw new UnsupportedOperationException("sessions read single nodes");
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        throw new UnsupportedOperationException("sessions never wait on the catalog");
    }
}
