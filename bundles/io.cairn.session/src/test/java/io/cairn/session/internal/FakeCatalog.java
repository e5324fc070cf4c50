package io.cairn.session.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

/** Nodes and their checks in memory; only the reads sessions make are answered. */
final class FakeCatalog extends CatalogStub {

    final Map<String, List<HealthCheck>> nodes = new HashMap<>();

    void node(String name, Map<String, CheckStatus> checks) {
        List<HealthCheck> list = new ArrayList<>();
        checks.forEach((id, status) -> list.add(new HealthCheck(name, id, id, status, "", "", "", "", null, "",
                null, 1, 1)));
        nodes.put(name, list);
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
}
