package io.cairn.template.internal.data;

import static io.cairn.template.internal.data.HealthServiceQueryTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CatalogQueriesTest {

    @Test
    void servicesAreSortedSnippets() throws IOException {
        CatalogServicesQuery q = CatalogServicesQuery.parse("@dc2");
        assertEquals("/v1/catalog/services?dc=dc2", q.path());
        assertEquals("catalog.services(@dc2)", q.describe());
        assertEquals("catalog.services", CatalogServicesQuery.parse("").describe());
        Object value = q.decode(200, bytes("{\"web\": [\"v2\", \"prod\"], \"consul\": [], \"api\": null}"));
        assertEquals(List.of(new CatalogSnippet("api", List.of()), new CatalogSnippet("consul", List.of()),
                new CatalogSnippet("web", List.of("prod", "v2"))), value);
        assertThrows(IllegalArgumentException.class, () -> CatalogServicesQuery.parse("dc2"));
    }

    @Test
    void nodesAreSortedByNameThenAddress() throws IOException {
        CatalogNodesQuery q = CatalogNodesQuery.parse("");
        assertEquals("/v1/catalog/nodes", q.path());
        assertEquals("catalog.nodes", q.describe());
        assertEquals("catalog.nodes(@dc2~_agent)", CatalogNodesQuery.parse("@dc2~_agent").describe());
        Object value = q.decode(200, bytes("""
                [{"ID": "2", "Node": "b", "Address": "10.0.0.2", "Datacenter": "dc1",
                  "TaggedAddresses": {"lan": "10.0.0.2"}, "Meta": {"consul-network-segment": ""}},
                 {"ID": "1", "Node": "a", "Address": "10.0.0.9", "Datacenter": "dc1"},
                 {"ID": "3", "Node": "a", "Address": "10.0.0.1", "Datacenter": "dc1"}]"""));
        assertEquals(List.of(
                new Node("3", "a", "10.0.0.1", "dc1", Map.of(), Map.of()),
                new Node("1", "a", "10.0.0.9", "dc1", Map.of(), Map.of()),
                new Node("2", "b", "10.0.0.2", "dc1", Map.of("lan", "10.0.0.2"),
                        Map.of("consul-network-segment", ""))), value);
    }

    @Test
    void nodeWithItsServices() throws IOException {
        CatalogNodeQuery q = CatalogNodeQuery.parse("node-1@dc1");
        assertEquals("/v1/catalog/node/node-1?dc=dc1", q.path());
        assertEquals("catalog.node(node-1@dc1)", q.describe());
        CatalogNode node = (CatalogNode) q.decode(200, bytes("""
                {"Node": {"ID": "40e4", "Node": "node-1", "Address": "10.0.0.1", "Datacenter": "dc1",
                          "TaggedAddresses": {"lan": "10.0.0.1"}, "Meta": {}},
                 "Services": {
                   "web-2": {"ID": "web-2", "Service": "web", "Tags": ["b", "a"], "Meta": {"v": "2"},
                             "Port": 81, "Address": "", "EnableTagOverride": true},
                   "db": {"ID": "db", "Service": "db", "Tags": [], "Port": 5432, "Address": "10.9.9.9"},
                   "web-1": {"ID": "web-1", "Service": "web", "Tags": null, "Port": 80, "Address": ""}}}"""));
        assertEquals(new Node("40e4", "node-1", "10.0.0.1", "dc1", Map.of("lan", "10.0.0.1"), Map.of()),
                node.Node());
        assertEquals(List.of("db", "web-1", "web-2"), node.Services().stream().map(CatalogNodeService::ID).toList());
        assertEquals(new CatalogNodeService("web-2", "web", List.of("a", "b"), Map.of("v", "2"), 81, "", true),
                node.Services().get(2));
    }

    @Test
    void unknownNodeHasNilFields() throws IOException {
        CatalogNode node = (CatalogNode) CatalogNodeQuery.parse("ghost").decode(200, bytes("null"));
        assertNull(node.Node());
        assertNull(node.Services());
    }

    @Test
    void localNodeNeedsTheAgentsName() throws IOException {
        CatalogNodeQuery local = CatalogNodeQuery.parse("");
        assertEquals("", local.name());
        assertEquals("catalog.node", local.describe());
        AgentNodeNameQuery self = new AgentNodeNameQuery();
        assertFalse(self.blocking());
        assertEquals("/v1/agent/self", self.path());
        assertEquals("node-1",
                self.decode(200, bytes("{\"Config\": {\"NodeName\": \"node-1\", \"Datacenter\": \"dc1\"}}")));
        assertThrows(IOException.class, () -> self.decode(200, bytes("{\"Config\": {}}")));
        assertEquals("/v1/catalog/node/node-1", local.withName("node-1").path());
        assertThrows(IllegalArgumentException.class, () -> CatalogNodeQuery.parse("@dc1"));
    }

    @Test
    void datacentersAreSortedAndPolled() throws IOException {
        DatacentersQuery q = new DatacentersQuery();
        assertFalse(q.blocking());
        assertTrue(HealthServiceQuery.parse("web", false).blocking());
        assertEquals("catalog.datacenters", q.describe());
        assertEquals(List.of("dc1", "dc2"), q.decode(200, bytes("[\"dc2\", \"dc1\"]")));
        assertEquals(q, new DatacentersQuery());
    }

    @Test
    void fileIsNamedByItsPath() {
        assertEquals("file(/etc/app.conf)", new FileQuery(java.nio.file.Path.of("/etc/app.conf")).describe());
    }
}
