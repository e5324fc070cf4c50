package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

/** {@code /v1/internal/ui/services}, {@code /nodes} and {@code /node/:node}: Consul's UI summaries of the catalog. */
class UiEndpointsTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void catalog() {
        new CatalogEndpoints(new RaftCatalog(raft, Fixtures.config("dc1")), Fixtures.agent("n1")).routes(http);
        register("""
                {"Node":"n1","Address":"10.0.0.1","NodeMeta":{"rack":"r1"},
                 "Service":{"ID":"web-1","Service":"web","Tags":["v2","b"],"Port":80,
                            "Meta":{"external-source":"nomad"}},
                 "Checks":[{"CheckID":"serfHealth","Name":"serf","Status":"passing"},
                           {"CheckID":"web-1-alive","Name":"alive","ServiceID":"web-1","Status":"critical"}]}""");
        register("""
                {"Node":"n1","Address":"10.0.0.1","NodeMeta":{"rack":"r1"},"Service":{"ID":"web-2","Service":"web","Tags":["a"],"Port":81},
                 "Check":{"CheckID":"web-2-alive","Name":"alive","ServiceID":"web-2","Status":"warning"}}""");
        register("""
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"db","Port":5432},
                 "Check":{"CheckID":"db-alive","Name":"alive","ServiceID":"db","Status":"passing"}}""");
    }

    private void register(String body) {
        assertEquals(Boolean.TRUE, http.call("PUT", "/v1/catalog/register", new FakeRequest().body(body)).jsonBody());
    }

    private Response read(String route, FakeRequest request) {
        return http.read(route, request, raft.state()).response();
    }

    private static JsonNode json(Response response) {
        return FakeRequest.JSON.valueToTree(response.jsonBody());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void servicesAreSummarisedByNameWithDistinctChecksCounted() {
        JsonNode services = json(read("/v1/internal/ui/services", new FakeRequest()));

        assertEquals(2, services.size());
        JsonNode db = services.get(0);
        JsonNode web = services.get(1);
        assertEquals(List.of("Name", "Datacenter", "Tags", "Nodes", "ExternalSources", "InstanceCount",
                "ChecksPassing", "ChecksWarning", "ChecksCritical", "GatewayConfig", "TransparentProxy",
                "ConnectNative", "ConnectedWithProxy", "ConnectedWithGateway"), fieldNames(web));
        assertEquals("db", db.get("Name").asText());
        assertEquals("web", web.get("Name").asText());
        assertEquals("dc1", web.get("Datacenter").asText());
        assertEquals(List.of("a", "b", "v2"), texts(web.get("Tags")));
        assertEquals(List.of("n1"), texts(web.get("Nodes")));
        assertEquals(List.of("nomad"), texts(web.get("ExternalSources")));
        assertEquals(2, web.get("InstanceCount").asInt());
        // serfHealth once for both instances on n1, and each instance's own check
        assertEquals(1, web.get("ChecksPassing").asInt());
        assertEquals(1, web.get("ChecksWarning").asInt());
        assertEquals(1, web.get("ChecksCritical").asInt());
        assertEquals(List.of(), texts(db.get("Tags")));
        assertEquals(List.of(), texts(db.get("ExternalSources")));
        assertEquals(1, db.get("ChecksPassing").asInt());
    }

    @Test
    void servicesAreSummarisedFromTheInstancesTheFilterKeeps() {
        JsonNode services = json(read("/v1/internal/ui/services",
                FakeRequest.of("GET", "", "filter=Service.Port == 81")));

        assertEquals(1, services.size());
        assertEquals(1, services.get(0).get("InstanceCount").asInt());
        assertEquals(List.of("a"), texts(services.get(0).get("Tags")));
    }

    @Test
    void servicesLeaveOutWhatTheTokenMayNotRead() {
        Response response = read("/v1/internal/ui/services", new FakeRequest().rules("""
                node_prefix "" { policy = "read" }
                service "db" { policy = "read" }"""));

        JsonNode services = json(response);
        assertEquals(1, services.size());
        assertEquals("db", services.get(0).get("Name").asText());
        assertEquals("true", response.headers().get(FILTERED));
    }

    @Test
    void nodesListEveryNodeWithItsServicesAndChecks() {
        JsonNode nodes = json(read("/v1/internal/ui/nodes", new FakeRequest()));

        assertEquals(2, nodes.size());
        JsonNode n1 = nodes.get(0);
        assertEquals(List.of("ID", "Node", "Address", "Datacenter", "TaggedAddresses", "Meta", "Services", "Checks"),
                fieldNames(n1));
        assertEquals("n1", n1.get("Node").asText());
        assertEquals("10.0.0.1", n1.get("Address").asText());
        assertEquals("r1", n1.get("Meta").get("rack").asText());
        assertEquals(2, n1.get("Services").size());
        assertEquals("web-1", n1.get("Services").get(0).get("ID").asText());
        assertEquals(80, n1.get("Services").get(0).get("Port").asInt());
        assertEquals(3, n1.get("Checks").size());
        assertEquals("n2", nodes.get(1).get("Node").asText());
    }

    @Test
    void nodesLeaveOutWhatTheTokenMayNotRead() {
        Response response = read("/v1/internal/ui/nodes", new FakeRequest().rules("""
                node "n1" { policy = "read" }
                service "web" { policy = "read" }"""));

        JsonNode nodes = json(response);
        assertEquals(1, nodes.size());
        assertEquals("n1", nodes.get(0).get("Node").asText());
        assertEquals("true", response.headers().get(FILTERED));
    }

    @Test
    void oneNodeWithOnlyTheServicesAndChecksTheTokenMayRead() {
        Response response = read("/v1/internal/ui/node/", FakeRequest.of("GET", "n1").rules("""
                node "n1" { policy = "read" }
                service "web" { policy = "read" }"""));
        assertEquals(2, json(response).get("Services").size());

        JsonNode node = json(read("/v1/internal/ui/node/", FakeRequest.of("GET", "n2").rules("""
                node "n2" { policy = "read" }""")));
        assertEquals(0, node.get("Services").size());
        assertEquals(List.of(), texts(node.get("Checks")));
    }

    @Test
    void anUnknownOrUnreadableNodeIsNotFound() {
        assertEquals(404, read("/v1/internal/ui/node/", FakeRequest.of("GET", "n9")).status());
        assertEquals(404, read("/v1/internal/ui/node/", FakeRequest.of("GET", "n2").rules("""
                node "n1" { policy = "read" }""")).status());
    }

    @Test
    void aNodeNeedsAName() {
        HttpException missing = assertThrows(HttpException.class,
                () -> read("/v1/internal/ui/node/", FakeRequest.of("GET", "")));
        assertEquals(400, missing.status());
    }

    @Test
    void everyUiReadServesThisDatacenterOnly() {
        for (String route : List.of("/v1/internal/ui/services", "/v1/internal/ui/nodes", "/v1/internal/ui/node/")) {
            assertTrue(http.datacenterScoped("GET", route), route);
        }
        assertFalse(json(read("/v1/internal/ui/nodes", FakeRequest.of("GET", "", "dc=dc1"))).isEmpty());
    }
}
