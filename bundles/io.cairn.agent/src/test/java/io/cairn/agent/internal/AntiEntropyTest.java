package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;

class AntiEntropyTest {
    private static final AgentIdentity AGENT = new AgentIdentity("node-1", "3f0e1c1e-0000-4000-8000-000000000001",
            "dc1", true, "10.0.0.1", 8300, 8301, false);

    private final LocalState state = new LocalState(() -> { });
    private final LocalAgent agent = new LocalAgent(state, () -> null, false, false);
    private final FakeCatalog catalog = new FakeCatalog();
    private final AntiEntropy antiEntropy = new AntiEntropy(AGENT, state, () -> catalog);

    private void sync() {
        antiEntropy.sync().toCompletableFuture().join();
    }

    private void registerWeb() throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"web\",\"ID\":\"web-1\",\"Tags\":[\"v1\"],"
                + "\"Port\":8080,\"Check\":{\"TTL\":\"30s\"}}"), false, Origin.API);
    }

    @Test
    void firstSyncRegistersTheNodeWithSerfHealthThenTheServices() throws Exception {
        registerWeb();
        sync();
        Registration node = (Registration) catalog.writes.get(0);
        assertEquals("node-1", node.node());
        assertEquals("10.0.0.1", node.address());
        assertEquals("3f0e1c1e-0000-4000-8000-000000000001", node.id());
        assertEquals(Map.of("lan", "10.0.0.1", "lan_ipv4", "10.0.0.1", "wan", "10.0.0.1", "wan_ipv4", "10.0.0.1"),
                node.taggedAddresses());
        assertEquals(Map.of("consul-network-segment", ""), node.nodeMeta());
        HealthCheck serf = catalog.checks.get("serfHealth");
        assertEquals("Serf Health Status", serf.name());
        assertEquals(CheckStatus.PASSING, serf.status());
        assertEquals("Agent alive and reachable", serf.output());
        assertEquals(List.of("v1"), catalog.services.get("web-1").tags());
        assertEquals(8080, catalog.services.get("web-1").port());
        HealthCheck check = catalog.checks.get("service:web-1");
        assertEquals("Service 'web' check", check.name());
        assertEquals("ttl", check.type());
        assertEquals(2, catalog.writes.size());
    }

    @Test
    void aSyncedNodeNeedsNoWrites() throws Exception {
        registerWeb();
        sync();
        catalog.writes.clear();
        sync();
        assertEquals(List.of(), catalog.writes);
    }

    @Test
    void aServiceEditedBehindTheAgentsBackIsPutBack() throws Exception {
        registerWeb();
        sync();
        catalog.services.put("web-1", new NodeService("", "web-1", "web", List.of("hacked"), "", Map.of(), Map.of(),
                9999, Weights.DEFAULT, false, 5, 5));
        catalog.writes.clear();
        sync();
        assertEquals(List.of("v1"), catalog.services.get("web-1").tags());
        assertEquals(8080, catalog.services.get("web-1").port());
        assertEquals(1, catalog.writes.size());
    }

    @Test
    void catalogOnlyServicesAndChecksOnThisNodeAreRemoved() throws Exception {
        registerWeb();
        sync();
        catalog.services.put("stray", new NodeService("", "stray", "stray", List.of(), "", Map.of(), Map.of(), 1,
                null, false, 5, 5));
        catalog.checks.put("stray-check", new HealthCheck("node-1", "stray-check", "x", CheckStatus.PASSING, "", "",
                "stray", "stray", List.of(), "", null, 5, 5));
        catalog.checks.put("old-node-check", new HealthCheck("node-1", "old-node-check", "x", CheckStatus.PASSING, "",
                "", "", "", List.of(), "", null, 5, 5));
        catalog.writes.clear();
        sync();
        assertEquals(List.of(new Deregistration("node-1", "stray", ""), new Deregistration("node-1", "", "old-node-check")),
                catalog.writes);
        assertEquals(List.of("web-1"), List.copyOf(catalog.services.keySet()));
        assertEquals(List.of("serfHealth", "service:web-1"), List.copyOf(catalog.checks.keySet()));
    }

    @Test
    void checkStateChangesAndMaintenanceAreSynced() throws Exception {
        registerWeb();
        sync();
        agent.updateTtl("service:web-1", CheckStatus.PASSING, "ok");
        agent.serviceMaintenance("web-1", true, "deploy");
        agent.nodeMaintenance(true, "");
        sync();
        assertEquals(CheckStatus.PASSING, catalog.checks.get("service:web-1").status());
        assertEquals("ok", catalog.checks.get("service:web-1").output());
        HealthCheck maintenance = catalog.checks.get("_service_maintenance:web-1");
        assertEquals("Service Maintenance Mode", maintenance.name());
        assertEquals("deploy", maintenance.notes());
        assertEquals(CheckStatus.CRITICAL, maintenance.status());
        assertEquals("Node Maintenance Mode", catalog.checks.get("_node_maintenance").name());
        agent.nodeMaintenance(false, "");
        agent.deregisterService("web-1");
        sync();
        assertEquals(List.of("serfHealth"), List.copyOf(catalog.checks.keySet()));
        assertTrue(catalog.services.isEmpty());
    }

    @Test
    void tagOverrideKeepsTheCatalogsTags() throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"db\",\"Tags\":[\"a\"],\"EnableTagOverride\":true,"
                + "\"TaggedAddresses\":{\"lan\":{\"Address\":\"10.1.1.1\",\"Port\":5}}}"), false, Origin.API);
        sync();
        assertEquals(Map.of("lan", new ServiceAddress("10.1.1.1", 5)), catalog.services.get("db").taggedAddresses());
        catalog.services.put("db", new NodeService("", "db", "db", List.of("primary"), "",
                Map.of("lan", new ServiceAddress("10.1.1.1", 5)), Map.of(), 0, null, true, 5, 5));
        catalog.writes.clear();
        sync();
        assertEquals(List.of(), catalog.writes);
        agent.registerService(DefinitionParser.service("{\"Name\":\"db\",\"Tags\":[\"a\"],\"EnableTagOverride\":true,"
                + "\"Port\":7}"), false, Origin.API);
        sync();
        assertEquals(List.of("primary"), catalog.services.get("db").tags());
        assertEquals(7, catalog.services.get("db").port());
    }

    @Test
    void withoutACatalogASyncDoesNothing() {
        new AntiEntropy(AGENT, state, () -> null).sync().toCompletableFuture().join();
        assertTrue(catalog.writes.isEmpty());
    }
}
