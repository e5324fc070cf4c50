package io.cairn.catalog.testing;

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

/**
 * The base of a test's fake {@link Catalog}: datacenter {@code dc1}, and every other call throws
 * {@link UnsupportedOperationException}. A fake overrides just the calls the code under test is meant to make, so
 * a test fails loudly if that code starts to use the catalog in another way.
 */
public abstract class CatalogStub implements Catalog {

    @Override
    public String datacenter() {
        return "dc1";
    }

    @Override
    public CompletionStage<Void> register(Registration registration) {
        throw unexpected("register");
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration deregistration) {
        throw unexpected("deregister");
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        throw unexpected("nodes");
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        throw unexpected("services");
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        throw unexpected("service");
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        throw unexpected("node");
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
        throw unexpected("nodeChecks");
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency) {
        throw unexpected("serviceChecks");
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
            Map<String, String> nodeMeta, Consistency consistency) {
        throw unexpected("checks");
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        throw unexpected("awaitChange");
    }

    private UnsupportedOperationException unexpected(String call) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not answer " + call);
    }
}
