package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;

class AntiEntropyTest {
    private static final AgentIdentity AGENT = TestIdentities.agent("node-1",
            "3f0e1c1e-0000-4000-8000-000000000001", true, "10.0.0.1", false);

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
    void firstSyncRegistersTheNodeThenTheServicesButNotSerfHealthWhichIsTheLeaders() throws Exception {
        registerWeb();
        sync();
        Registration node = (Registration) catalog.writes.get(0);
        assertEquals("node-1", node.node());
        assertEquals("10.0.0.1", node.address());
        assertEquals("3f0e1c1e-0000-4000-8000-000000000001", node.id());
        assertEquals(Map.of("lan", "10.0.0.1", "lan_ipv4", "10.0.0.1", "wan", "10.0.0.1", "wan_ipv4", "10.0.0.1"),
                node.taggedAddresses());
        assertEquals(Map.of("consul-network-segment", ""), node.nodeMeta());
        assertFalse(catalog.checks.containsKey("serfHealth"));
        assertEquals(List.of("v1"), catalog.services.get("web-1").tags());
        assertEquals(8080, catalog.services.get("web-1").port());
        HealthCheck check = catalog.checks.get("service:web-1");
        assertEquals("Service 'web' check", check.name());
        assertEquals("ttl", check.type());
        assertEquals(2, catalog.writes.size());
    }

    @Test
    void aServiceIsSyncedWithTheTokenItWasRegisteredWithAndTheNodeWithTheAgents() throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"api\"}"), false, Origin.API, "api-secret");
        registerWeb();
        sync();
        assertEquals(Map.of("", "", "api", "api-secret", "web-1", ""), catalog.tokens);
    }

    @Test
    void aSyncedNodeNeedsNoWrites() throws Exception {
        registerWeb();
        sync();
        catalog.writes.clear();
        sync();
        assertEquals(List.of(), catalog.writes);
    }

    /** The catalog keeps only how a check runs; the rest of its definition must not look like a difference. */
    @Test
    void aRegisteredCheckIsSyncedOnceThenInSync() throws Exception {
        agent.registerCheck(DefinitionParser.check("{\"ID\":\"api\",\"Name\":\"API\",\"Notes\":\"n\","
                + "\"HTTP\":\"http://localhost:8080/health\",\"Header\":{\"A\":[\"b\"]},\"Interval\":\"10s\","
                + "\"FailuresBeforeCritical\":3,\"OutputMaxSize\":100,\"os_service\":\"api\"}"), Origin.API);
        sync();
        assertEquals(1, catalog.writes.size());
        assertEquals("http://localhost:8080/health", catalog.checks.get("api").definition().http());
        catalog.writes.clear();
        sync();
        assertEquals(List.of(), catalog.writes, "once written, the check is in sync");
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
        catalog.checks.put("serfHealth", new HealthCheck("node-1", "serfHealth", "Serf Health Status",
                CheckStatus.PASSING, "", "Agent alive and reachable", "", "", List.of(), "", null, 5, 5));
        // the leader registers every server's consul service; it is no stray
        catalog.services.put("consul", new NodeService("", "consul", "consul", List.of(), "", Map.of(), Map.of(),
                8300, null, false, 5, 5));
        catalog.writes.clear();
        sync();
        assertEquals(List.of(new Deregistration("node-1", "stray", ""), new Deregistration("node-1", "", "old-node-check")),
                catalog.writes);
        assertEquals(List.of("consul", "web-1"), List.copyOf(catalog.services.keySet()));
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
        assertEquals(List.of(), List.copyOf(catalog.checks.keySet()));
        assertTrue(catalog.services.isEmpty());
    }

    private void registerDb(String tags, String more) throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"db\",\"Tags\":[" + tags + "],"
                + "\"EnableTagOverride\":true" + more + "}"), false, Origin.API);
    }

    /** Someone edits the service's tags in the catalog directly (as {@code PUT /v1/catalog/register} would). */
    private void editCatalogTags(String id, List<String> tags) {
        NodeService s = catalog.services.get(id);
        catalog.services.put(id, new NodeService(s.kind(), s.id(), s.service(), tags, s.address(),
                s.taggedAddresses(), s.meta(), s.port(), s.weights(), s.enableTagOverride(), 9, 9));
        catalog.writes.clear();
    }

    private List<String> agentTags(String id) {
        return state.service(id).orElseThrow().definition().tags();
    }

    @Test
    void tagOverrideKeepsTagsEditedInTheCatalogAndTheAgentsViewTakesThem() throws Exception {
        registerDb("\"a\"", ",\"TaggedAddresses\":{\"lan\":{\"Address\":\"10.1.1.1\",\"Port\":5}}");
        sync();
        assertEquals(Map.of("lan", new ServiceAddress("10.1.1.1", 5)), catalog.services.get("db").taggedAddresses());
        editCatalogTags("db", List.of("primary"));
        sync();
        assertEquals(List.of(), catalog.writes);
        assertEquals(List.of("primary"), catalog.services.get("db").tags());
        assertEquals(List.of("primary"), agentTags("db"), "the agent's view takes the catalog's tags");
        sync();
        assertEquals(List.of(), catalog.writes);
    }

    @Test
    void aReRegistrationWithNewTagsReachesTheCatalogDespiteTagOverride() throws Exception {
        // Patroni after a failover: the same service registered again with its new role tag.
        registerDb("\"master\"", "");
        sync();
        registerDb("\"replica\"", "");
        sync();
        assertEquals(List.of("replica"), catalog.services.get("db").tags());
        assertEquals(List.of("replica"), agentTags("db"));
        catalog.writes.clear();
        sync();
        assertEquals(List.of(), catalog.writes, "once written, the registration is in sync");
    }

    @Test
    void theAgentsReRegistrationWinsOverTagsEditedInTheCatalogBefore() throws Exception {
        registerDb("\"a\"", "");
        sync();
        editCatalogTags("db", List.of("edited"));
        registerDb("\"b\"", ",\"Port\":7");
        sync();
        assertEquals(List.of("b"), catalog.services.get("db").tags());
        assertEquals(7, catalog.services.get("db").port());
        assertEquals(List.of("b"), agentTags("db"));

        // The same once the agent's view has taken the catalog's tags.
        editCatalogTags("db", List.of("edited-again"));
        sync();
        assertEquals(List.of("edited-again"), agentTags("db"));
        registerDb("\"c\"", ",\"Port\":7");
        sync();
        assertEquals(List.of("c"), catalog.services.get("db").tags());
        assertEquals(List.of("c"), agentTags("db"));
    }

    @Test
    void tagsEditedInTheCatalogStayWhenOnlyOtherFieldsArePutBack() throws Exception {
        registerDb("\"a\"", ",\"Port\":7");
        sync();
        NodeService s = catalog.services.get("db");
        catalog.services.put("db", new NodeService("", "db", "db", List.of("edited"), "", Map.of(), Map.of(), 9999,
                s.weights(), true, 9, 9));
        catalog.writes.clear();
        sync();
        assertEquals(1, catalog.writes.size());
        assertEquals(7, catalog.services.get("db").port());
        assertEquals(List.of("edited"), catalog.services.get("db").tags());
        assertEquals(List.of("edited"), agentTags("db"));
    }

    @Test
    void withoutTagOverrideTheAgentsTagsAreRestoredInTheCatalog() throws Exception {
        registerWeb();
        sync();
        editCatalogTags("web-1", List.of("edited"));
        sync();
        assertEquals(List.of("v1"), catalog.services.get("web-1").tags());
        assertEquals(List.of("v1"), agentTags("web-1"));
        assertEquals(1, catalog.writes.size());
    }

    @Test
    void theSameDefinitionRegisteredAgainKeepsTheCatalogsTags() throws Exception {
        // Consul's agent compares a registration with its current view: the same again changes nothing, so tags
        // edited in the catalog stay. The agent's original tags differ from that view (it took the catalog's):
        // registered again, they are a change and win.
        registerDb("\"a\"", "");
        sync();
        editCatalogTags("db", List.of("edited"));
        sync();
        agent.registerService(state.service("db").orElseThrow().definition(), false, Origin.CONFIG);
        sync();
        assertEquals(List.of(), catalog.writes);
        assertEquals(List.of("edited"), catalog.services.get("db").tags());
        registerDb("\"a\"", "");
        sync();
        assertEquals(List.of("a"), catalog.services.get("db").tags());
    }

    @Test
    void aRegistrationAFailedSyncMissedStillWinsOnTheNextOne() throws Exception {
        registerDb("\"a\"", "");
        sync();
        editCatalogTags("db", List.of("edited"));
        registerDb("\"b\"", "");
        catalog.failWrites = true;
        assertThrows(CompletionException.class, this::sync);
        catalog.failWrites = false;
        sync();
        assertEquals(List.of("b"), catalog.services.get("db").tags());
    }

    @Test
    void aRegistrationDuringASyncIsWrittenByTheNextOne() throws Exception {
        registerDb("\"a\"", "");
        sync();
        editCatalogTags("db", List.of("edited"));
        // The catalog is read, then the agent registers new tags before the sync finishes.
        catalog.beforeRead = () -> {
            catalog.beforeRead = null;
            try {
                registerDb("\"b\"", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        sync();
        assertEquals(List.of("b"), agentTags("db"), "the sync's catalog tags do not overwrite a newer registration");
        sync();
        assertEquals(List.of("b"), catalog.services.get("db").tags());
    }

    @Test
    void withoutACatalogASyncDoesNothing() {
        new AntiEntropy(AGENT, state, () -> null).sync().toCompletableFuture().join();
        assertTrue(catalog.writes.isEmpty());
    }
}
