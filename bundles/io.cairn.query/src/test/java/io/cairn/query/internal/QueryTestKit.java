package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.health.api.CheckStatus;
import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryDns;
import io.cairn.query.api.QueryService;
import io.cairn.query.api.QueryTemplate;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.testing.FakeRaft;

/** A one-server Raft with the real query handler, a catalog of fixed instances and a seeded shuffle. */
final class QueryTestKit {

    final FakeRaft raft = new FakeRaft();
    final List<ServiceEntry> instances = new ArrayList<>();
    final RaftPreparedQueries queries;
    /** The other datacenters executions fail over to; none until a test sets them. */
    volatile RemoteDatacenters remote;

    /** The rules of the agent's default token: every node and service may be read. */
    static final String DISCOVERY_RULES = "node_prefix \"\" { policy = \"read\" } service_prefix \"\" { policy = \"read\" }";

    QueryTestKit() {
        raft.handle(PreparedQueries.COMMAND_TYPE, new QueryCommandHandler());
        Execution execution = new Execution(name -> instances.stream()
                .filter(e -> e.service().service().equalsIgnoreCase(name)).toList(), "dc1", "agent-node",
                new Random(7), () -> remote);
        queries = new RaftPreparedQueries(raft, new QueryReads(execution), new QueryTokens(FakeAclResolver.denyByDefault()
                .token("", "default-accessor", DISCOVERY_RULES)));
    }

    static PreparedQuery query(String name, String service) {
        return new PreparedQuery(null, name, null, null, null,
                new QueryService(service, null, false, null, null, null, null, null, false), null, 0, 0);
    }

    static PreparedQuery template(String name, String regexp, String service, List<String> tags) {
        return new PreparedQuery(null, name, null, null, new QueryTemplate(QueryTemplate.NAME_PREFIX_MATCH, regexp,
                true), new QueryService(service, null, false, null, null, tags, null, null, false),
                new QueryDns("10s"), 0, 0);
    }

    /** An instance of {@code service} on {@code node} with one service check per status given. */
    static ServiceEntry instance(String node, String service, List<String> tags, Map<String, String> meta,
            CheckStatus... checks) {
        NodeService s = new NodeService("", service + "-" + node, service, tags, "", null, meta, 8080, null, false,
                1, 1);
        List<HealthCheck> health = new ArrayList<>();
        for (int i = 0; i < checks.length; i++) {
            health.add(new HealthCheck(node, "check-" + i, "check " + i, checks[i], "", "", s.id(), service, tags,
                    "ttl", null, 1, 1));
        }
        return new ServiceEntry(new Node("", node, "10.0.0." + (node.hashCode() & 0x7f), "dc1", null,
                Map.of("rack", node.startsWith("a") ? "a" : "b"), 1, 1), s, health);
    }

    <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Another datacenter's catalog, which knows {@code entries} and answers at once. */
    static Catalog catalog(String datacenter, List<ServiceEntry> entries) {
        return new CatalogStub() {
            @Override
            public String datacenter() {
                return datacenter;
            }

            @Override
            public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
                    Consistency consistency) {
                return CompletableFuture.completedFuture(new Indexed<>(entries.stream()
                        .filter(e -> e.service().service().equalsIgnoreCase(name)).toList(), 1));
            }
        };
    }

    /** Another datacenter's catalog whose every read fails, as one that cannot be reached. */
    static Catalog failingCatalog(String datacenter) {
        return new CatalogStub() {
            @Override
            public String datacenter() {
                return datacenter;
            }

            @Override
            public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
                    Consistency consistency) {
                return CompletableFuture.failedFuture(new IllegalStateException("No path to datacenter"));
            }
        };
    }
}
