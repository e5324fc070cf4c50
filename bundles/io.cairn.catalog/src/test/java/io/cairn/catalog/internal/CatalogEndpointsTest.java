package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class CatalogEndpointsTest {

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void routes() {
        RaftCatalog catalog = new RaftCatalog(raft, Fixtures.config("dc9"));
        new CatalogEndpoints(catalog, Fixtures.agent("n1")).routes(http);
    }

    private void register(String json) {
        assertEquals(Boolean.TRUE, call("PUT", "/v1/catalog/register", json).jsonBody());
    }

    private Response call(String method, String route, String body) {
        return http.call(method, route, new FakeRequest().body(body));
    }

    /** Runs a read route and returns the JSON the server would send. */
    private JsonNode get(String route, String argument, String... query) {
        return toJson(http.read(route, FakeRequest.of("GET", argument, query), raft.state()).response());
    }

    private static JsonNode toJson(Response response) {
        return FakeRequest.JSON.valueToTree(response.jsonBody());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** python-consul style: lower-case keys, snake_case aliases, unknown fields. */
    private void registerWeb() {
        register("""
                {"node":"n1","address":"10.0.0.1","nodemeta":{"env":"prod"},"WriteRequest":{"Token":""},
                 "service":{"service":"web","tags":["v1"],"port":80,"enable_tag_override":true},
                 "check":{"name":"alive","status":"passing","serviceid":"web",
                          "Definition":{"HTTP":"http://x/","Interval":"10s","Timeout":1000000000}},
                 "checks":[{"CheckID":"serfHealth","Name":"Serf Health Status","Status":"passing"}]}""");
    }

    @Test
    void healthServiceEntryHasEveryFieldClientsRead() {
        registerWeb();
        JsonNode entry = get("/v1/health/service/", "web").get(0);

        assertEquals(List.of("Node", "Service", "Checks"), fieldNames(entry));
        assertEquals(List.of("ID", "Node", "Address", "Datacenter", "TaggedAddresses", "Meta", "CreateIndex",
                "ModifyIndex"), fieldNames(entry.get("Node")));
        assertEquals("dc9", entry.get("Node").get("Datacenter").asText());
        assertEquals(List.of("ID", "Service", "Tags", "Address", "TaggedAddresses", "Meta", "Port", "Weights",
                "EnableTagOverride", "CreateIndex", "ModifyIndex"), fieldNames(entry.get("Service")));
        JsonNode service = entry.get("Service");
        assertEquals("web", service.get("ID").asText());
        assertTrue(service.get("EnableTagOverride").asBoolean());
        assertEquals(1, service.get("Weights").get("Passing").asInt());
        assertTrue(service.get("Meta").isObject());

        JsonNode check = entry.get("Checks").get(0);
        assertEquals("alive", check.get("CheckID").asText());
        assertEquals("web", check.get("ServiceName").asText());
        assertEquals("v1", check.get("ServiceTags").get(0).asText());
        assertEquals("passing", check.get("Status").asText());
        assertEquals("10s", check.get("Definition").get("Interval").asText());
        assertEquals("1s", check.get("Definition").get("Timeout").asText());
        assertEquals("http://x/", check.get("Definition").get("HTTP").asText());
        assertTrue(entry.get("Checks").get(1).get("ServiceTags").isArray());
    }

    @Test
    void catalogServiceIsFlatAndNeverNull() {
        registerWeb();
        JsonNode instance = get("/v1/catalog/service/", "web", "tag=V1").get(0);
        for (String field : List.of("Node", "Address", "ServiceName", "ServiceID", "ServiceAddress", "ServicePort",
                "ServiceTags", "ServiceMeta", "NodeMeta", "ServiceWeights", "ServiceTaggedAddresses")) {
            assertTrue(instance.hasNonNull(field), field);
        }
        assertEquals("prod", instance.get("NodeMeta").get("env").asText());
        assertEquals(0, get("/v1/catalog/service/", "web", "tag=v2").size());
        assertEquals(0, get("/v1/catalog/service/", "web", "node-meta=env:dev").size());
    }

    @Test
    void theServiceMapAndANodesServicesAreFilteredHere() {
        registerWeb();
        register("""
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"web","Tags":["v2"]}}""");
        register("""
                {"Node":"n2","Address":"10.0.0.2","Service":{"ID":"db","Service":"db","Tags":["v2"]}}""");

        JsonNode services = get("/v1/catalog/services", "", "filter=ServiceTags contains \"v2\"");
        assertEquals(List.of("db", "web"), fieldNames(services));
        assertEquals("v2", services.get("web").get(0).asText());
        assertEquals(1, services.get("web").size());
        assertEquals(List.of("web"), fieldNames(get("/v1/catalog/services", "", "filter=NodeMeta.env == \"prod\"")));

        assertEquals(List.of("db"), fieldNames(get("/v1/catalog/node/", "n2", "filter=Service == db")
                .get("Services")));
        assertEquals(1, get("/v1/catalog/node-services/", "n2", "filter=Service == db").get("Services").size());
        HttpException unknown = assertThrows(HttpException.class,
                () -> http.watch("/v1/catalog/node/", FakeRequest.of("GET", "n2", "filter=Nope == 1")));
        assertEquals(400, unknown.status());
    }

    @Test
    void passingParameterFiltersOnlyWhenTrue() {
        registerWeb();
        register("""
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"web"},
                 "Checks":[{"Name":"down","ServiceID":"web"}]}""");

        assertEquals(2, get("/v1/health/service/", "web", "passing=false").size());
        assertEquals(1, get("/v1/health/service/", "web", "passing=").size());
        HttpException bad = assertThrows(HttpException.class,
                () -> get("/v1/health/service/", "web", "passing=nope"));
        assertEquals(400, bad.status());
        assertEquals("Invalid value for ?passing", bad.getMessage());
        assertEquals("critical", get("/v1/health/state/", "critical").get(0).get("Status").asText());
        assertEquals(400, assertThrows(HttpException.class,
                () -> get("/v1/health/state/", "sad")).status());
    }

    @Test
    void nodeEndpointsAndServicesListing() {
        registerWeb();
        JsonNode node = get("/v1/catalog/node/", "n1");
        assertEquals("web", node.get("Services").get("web").get("Service").asText());
        assertTrue(get("/v1/catalog/node/", "ghost").isNull());
        assertEquals("web", get("/v1/catalog/node-services/", "n1").get("Services").get(0).get("ID").asText());
        assertEquals(2, get("/v1/health/node/", "n1").size());
        assertEquals(0, get("/v1/health/node/", "ghost").size());
        assertEquals("[\"v1\"]", get("/v1/catalog/services", "").get("web").toString());
        assertEquals("n1", get("/v1/catalog/nodes", "").get(0).get("Node").asText());
    }

    @Test
    void deregisterAndIndexes() {
        registerWeb();
        long afterRegister = raft.state().index(CatalogKeys.TABLE, "");
        assertEquals(Boolean.TRUE, call("PUT", "/v1/catalog/deregister",
                "{\"node\":\"n1\",\"serviceid\":\"web\"}").jsonBody());
        assertEquals(0, get("/v1/health/service/", "web").size());
        assertTrue(raft.state().index(CatalogKeys.TABLE, "") > afterRegister);
        assertEquals("serfHealth", get("/v1/health/node/", "n1").get(0).get("CheckID").asText());
    }

    @Test
    void badRegistrationsAreRefusedWithConsulMessages() {
        HttpException noName = assertThrows(HttpException.class,
                () -> call("PUT", "/v1/catalog/register", "{\"Address\":\"1.2.3.4\"}"));
        assertEquals(400, noName.status());
        assertEquals("Missing node name", noName.getMessage());
        assertEquals("Bad check status", assertThrows(HttpException.class, () -> call(
                "PUT", "/v1/catalog/register",
                "{\"Node\":\"n\",\"Address\":\"a\",\"Check\":{\"Name\":\"c\",\"Status\":\"fine\"}}")).getMessage());
        assertEquals("Missing service name", assertThrows(HttpException.class,
                () -> get("/v1/health/service/", "")).getMessage());
    }

    @Test
    void everyReadWaitsOnTheRecordsItsIndexComesFrom() {
        // Consul reports table indexes, so a write anywhere in the catalog moves the index of every read, misses
        // included: the records a blocking read waits on must move with it, or it is held after its index passed.
        registerWeb();
        String[][] reads = {{"/v1/catalog/nodes", ""}, {"/v1/catalog/services", ""},
                {"/v1/catalog/service/", "missing"}, {"/v1/catalog/node/", "missing"},
                {"/v1/catalog/node-services/", "missing"}, {"/v1/health/node/", "missing"},
                {"/v1/health/checks/", "missing"}, {"/v1/health/service/", "missing"},
                {"/v1/health/state/", "critical"}, {"/v1/catalog/service/", "web"}};
        int node = 0;
        for (String[] read : reads) {
            FakeRequest request = FakeRequest.of("GET", read[1]);
            long before = http.read(read[0], request, raft.state()).index();
            var waitOn = http.waitsOn(read[0], request, raft.state());
            long waited = raft.state().index(waitOn.table(), waitOn.prefix());
            register("{\"Node\":\"other-" + node++ + "\",\"Address\":\"10.0.0.9\"}");
            assertTrue(http.read(read[0], request, raft.state()).index() > before, read[0] + read[1]);
            assertTrue(raft.state().index(waitOn.table(), waitOn.prefix()) > waited, read[0] + read[1]);
        }
    }
}
