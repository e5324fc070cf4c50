package io.cairn.prometheus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.raft.api.Consistency;

/** A catalog holding fixed instances; filters tags (exact), node meta and passing like the real one. */
final class FakeCatalog extends CatalogStub {
    final List<ServiceEntry> entries = new ArrayList<>();

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
}
