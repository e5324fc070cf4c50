package io.cairn.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.raft.api.Consistency;

/** A one-node catalog in memory that records every write. */
final class FakeCatalog extends CatalogStub {
    Node node;
    final Map<String, NodeService> services = new TreeMap<>();
    final Map<String, HealthCheck> checks = new TreeMap<>();
    final List<Object> writes = new ArrayList<>();
    /** When set, every write fails (the catalog unreachable). */
    boolean failWrites;
    /** When set, runs before the node is read (something happening while a sync starts). */
    Runnable beforeRead;
    /** The ACL token of each registration, by the ID of its service ({@code ""} for the node's own). */
    final Map<String, String> tokens = new TreeMap<>();

    @Override
    public CompletionStage<Void> register(Registration r, String token) {
        tokens.put(r.service() == null ? "" : r.service().id(), token);
        return register(r);
    }

    @Override
    public CompletionStage<Void> register(Registration r) {
        if (failWrites) {
            return CompletableFuture.failedFuture(new IllegalStateException("No cluster leader"));
        }
        writes.add(r);
        if (node == null || !r.skipNodeUpdate()) {
            node = new Node(r.id(), r.node(), r.address(), "dc1", r.taggedAddresses(), r.nodeMeta(), 1, 1);
        }
        if (r.service() != null) {
            services.put(r.service().id(), r.service());
        }
        for (HealthCheck c : r.checks()) {
            NodeService service = services.get(c.serviceId());
            checks.put(c.checkId(), new HealthCheck(r.node(), c.checkId(), c.name(), c.status(), c.notes(), c.output(),
                    c.serviceId(), service == null ? "" : service.service(), service == null ? List.of() : service.tags(),
                    c.type(), c.definition(), 1, 1));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration d) {
        if (failWrites) {
            return CompletableFuture.failedFuture(new IllegalStateException("No cluster leader"));
        }
        writes.add(d);
        if (!d.serviceId().isEmpty()) {
            services.remove(d.serviceId());
            checks.values().removeIf(c -> c.serviceId().equals(d.serviceId()));
        } else if (!d.checkId().isEmpty()) {
            checks.remove(d.checkId());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String name, Consistency consistency) {
        if (beforeRead != null) {
            beforeRead.run();
        }
        Optional<NodeServices> value = node == null ? Optional.empty()
                : Optional.of(new NodeServices(node, List.copyOf(services.values())));
        return CompletableFuture.completedFuture(new Indexed<>(value, 1));
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String name, Consistency consistency) {
        return CompletableFuture.completedFuture(new Indexed<>(List.copyOf(checks.values()), 1));
    }
}
