package io.cairn.prometheus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

/** A catalog holding fixed instances; filters tags (exact), node meta and passing like the real one. */
final class FakeCatalog implements Catalog {
    final List<ServiceEntry> entries = new ArrayList<>();

    @Override
    public String datacenter() {
        return "dc1";
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        Map<String, List<String>> services = new TreeMap<>();
        entries.stream().filter(e -> e.node().meta().entrySet().containsAll(nodeMeta.entrySet()))
                .forEach(e -> services.put(e.service().service(), e.service().tags()));
        return CompletableFuture.completedFuture(new Indexed<>(services, 7));
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        List<ServiceEntry> matching = entries.stream().filter(e -> e.service().service().equalsIgnoreCase(name))
                .filter(e -> e.service().tags().containsAll(query.tags()))
                .filter(e -> e.node().meta().entrySet().containsAll(query.nodeMeta().entrySet()))
                .filter(e -> !query.passingOnly() || e.passing()).toList();
        return CompletableFuture.completedFuture(new Indexed<>(matching, 7));
    }

    @Override
    public CompletionStage<Void> register(Registration registration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration deregistration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
            Map<String, String> nodeMeta, Consistency consistency) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        throw new UnsupportedOperationException();
    }
}
