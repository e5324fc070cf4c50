package io.cairn.reconcile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;
import org.junit.jupiter.api.Test;

class MemberReconcilerTest {
    private final MemoryCatalog catalog = new MemoryCatalog();
    private final List<String> removedServers = new ArrayList<>();
    private final MemberReconciler reconciler = new MemberReconciler("s1", "dc1", catalog, node -> {
        removedServers.add(node);
        return CompletableFuture.completedFuture(null);
    });

    @Test
    void anAliveClientGetsItsNodeAndAPassingSerfHealth() {
        reconciler.reconcile(client("web1", MemberStatus.ALIVE)).toCompletableFuture().join();

        assertEquals("127.0.0.2", catalog.nodes.get("web1").address());
        assertEquals("11111111-2222-3333-4444-555555555555", catalog.nodes.get("web1").id());
        HealthCheck serf = catalog.serfHealth("web1").orElseThrow();
        assertEquals(CheckStatus.PASSING, serf.status());
        assertEquals("Agent alive and reachable", serf.output());
        assertEquals("Serf Health Status", serf.name());
        assertTrue(catalog.services.getOrDefault("web1", Map.of()).isEmpty(), "a client has no consul service");
    }

    @Test
    void anAliveServerAlsoGetsTheConsulServiceOnItsRpcPort() {
        reconciler.reconcile(server("s2", "dc1", MemberStatus.ALIVE)).toCompletableFuture().join();

        NodeService consul = catalog.services.get("s2").get("consul");
        assertEquals("consul", consul.service());
        assertEquals(8310, consul.port());
    }

    @Test
    void aServerOfAnotherDatacenterIsNotThisDatacentersConsulService() {
        reconciler.reconcile(server("x1", "dc2", MemberStatus.ALIVE)).toCompletableFuture().join();

        assertTrue(catalog.services.getOrDefault("x1", Map.of()).isEmpty());
    }

    @Test
    void aFailedMembersSerfHealthTurnsCriticalAndItsServicesStay() {
        reconciler.reconcile(client("web1", MemberStatus.ALIVE)).toCompletableFuture().join();
        catalog.services.computeIfAbsent("web1", n -> new TreeMap<>()).put("web", service("web"));

        reconciler.reconcile(client("web1", MemberStatus.FAILED)).toCompletableFuture().join();

        HealthCheck serf = catalog.serfHealth("web1").orElseThrow();
        assertEquals(CheckStatus.CRITICAL, serf.status());
        assertEquals("Agent not live or unreachable", serf.output());
        assertTrue(catalog.services.get("web1").containsKey("web"));
    }

    @Test
    void nothingIsWrittenWhenTheCatalogAlreadyAgrees() {
        reconciler.reconcile(server("s2", "dc1", MemberStatus.ALIVE)).toCompletableFuture().join();
        int writes = catalog.writes;

        reconciler.reconcile(server("s2", "dc1", MemberStatus.ALIVE)).toCompletableFuture().join();

        assertEquals(writes, catalog.writes);
    }

    @Test
    void aMemberThatLeftIsDeregisteredAndALeftServerLeavesTheRaftGroup() {
        reconciler.reconcile(client("web1", MemberStatus.ALIVE)).toCompletableFuture().join();
        reconciler.reconcile(server("s2", "dc1", MemberStatus.ALIVE)).toCompletableFuture().join();

        reconciler.reconcile(client("web1", MemberStatus.LEFT)).toCompletableFuture().join();
        reconciler.reconcile(server("s2", "dc1", MemberStatus.LEFT)).toCompletableFuture().join();

        assertFalse(catalog.nodes.containsKey("web1"));
        assertFalse(catalog.nodes.containsKey("s2"));
        assertEquals(List.of("s2"), removedServers);
    }

    @Test
    void theLeaderNeverDeregistersItself() {
        reconciler.reconcile(server("s1", "dc1", MemberStatus.ALIVE)).toCompletableFuture().join();

        reconciler.reconcile(server("s1", "dc1", MemberStatus.LEFT)).toCompletableFuture().join();

        assertTrue(catalog.nodes.containsKey("s1"));
        assertTrue(removedServers.isEmpty());
    }

    @Test
    void aFullReconciliationDeregistersFormerMembersButNotExternalNodes() {
        reconciler.reconcile(client("web1", MemberStatus.ALIVE)).toCompletableFuture().join();
        reconciler.reconcile(client("gone", MemberStatus.ALIVE)).toCompletableFuture().join();
        catalog.register(new Registration("", "external-db", "10.0.0.9", Map.of(), Map.of(), service("db"),
                List.of(), false)).toCompletableFuture().join();

        reconciler.reconcileAll(List.of(server("s1", "dc1", MemberStatus.ALIVE), client("web1", MemberStatus.ALIVE)))
                .toCompletableFuture().join();

        assertTrue(catalog.nodes.containsKey("web1"));
        assertTrue(catalog.nodes.containsKey("s1"));
        assertFalse(catalog.nodes.containsKey("gone"), "a node with serfHealth that is no member goes");
        assertTrue(catalog.nodes.containsKey("external-db"), "a node without serfHealth is not the pool's");
    }

    @Test
    void aLeavingMemberIsLeftAsItIs() {
        reconciler.reconcile(client("web1", MemberStatus.ALIVE)).toCompletableFuture().join();
        int writes = catalog.writes;

        reconciler.reconcile(client("web1", MemberStatus.LEAVING)).toCompletableFuture().join();

        assertEquals(writes, catalog.writes);
    }

    private static Member client(String name, MemberStatus status) {
        return new Member(name, "127.0.0.2", 9301, status,
                Map.of("role", "node", "dc", "dc1", "id", "11111111-2222-3333-4444-555555555555"));
    }

    private static Member server(String name, String dc, MemberStatus status) {
        return new Member(name, "127.0.0.1", 8311, status, Map.of("role", "consul", "dc", dc, "port", "8310"));
    }

    private static NodeService service(String name) {
        return new NodeService("", name, name, List.of(), "", Map.of(), Map.of(), 80, null, false, 0, 0);
    }

    /** Just enough of the catalog's rules for the reconciler: nodes, their services and their checks. */
    private static final class MemoryCatalog extends CatalogStub {
        final Map<String, Node> nodes = new TreeMap<>();
        final Map<String, Map<String, NodeService>> services = new TreeMap<>();
        final Map<String, Map<String, HealthCheck>> checks = new TreeMap<>();
        int writes;

        Optional<HealthCheck> serfHealth(String node) {
            return Optional.ofNullable(checks.getOrDefault(node, Map.of()).get("serfHealth"));
        }

        @Override
        public CompletionStage<Void> register(Registration r) {
            writes++;
            Node old = nodes.get(r.node());
            if (!r.skipNodeUpdate() || old == null) {
                nodes.put(r.node(), new Node(r.id(), r.node(), r.address(), "dc1", r.taggedAddresses(), r.nodeMeta(),
                        0, 0));
            }
            if (r.service() != null) {
                services.computeIfAbsent(r.node(), n -> new TreeMap<>()).put(r.service().id(), r.service());
            }
            r.checks().forEach(c -> checks.computeIfAbsent(r.node(), n -> new TreeMap<>()).put(c.checkId(), c));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> deregister(Deregistration d) {
            writes++;
            nodes.remove(d.node());
            services.remove(d.node());
            checks.remove(d.node());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
            Optional<NodeServices> found = Optional.ofNullable(nodes.get(node)).map(n -> new NodeServices(n,
                    List.copyOf(services.getOrDefault(node, Map.of()).values())));
            return CompletableFuture.completedFuture(new Indexed<>(found, 1));
        }

        @Override
        public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
            return CompletableFuture.completedFuture(
                    new Indexed<>(List.copyOf(checks.getOrDefault(node, Map.of()).values()), 1));
        }

        @Override
        public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
                Map<String, String> nodeMeta, Consistency consistency) {
            List<HealthCheck> all = new ArrayList<>();
            checks.values().forEach(byId -> all.addAll(byId.values()));
            return CompletableFuture.completedFuture(new Indexed<>(all, 1));
        }
    }
}
