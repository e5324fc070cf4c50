package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;

class CatalogEndpointsTest {

    private final FakeRaft raft = new FakeRaft();
    private final FakeHttp http = new FakeHttp();

    @BeforeEach
    void routes() {
        RaftCatalog catalog = new RaftCatalog(raft, config("dc9"));
        new CatalogEndpoints(catalog).routes(http);
    }

    private static RaftCatalog.Config config(String dc) {
        return new RaftCatalog.Config() {
            @Override
            public String datacenter() {
                return dc;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RaftCatalog.Config.class;
            }
        };
    }

    private void register(String json) {
        assertEquals(Boolean.TRUE, http.call("PUT /v1/catalog/register", json).jsonBody());
    }

    private JsonNode get(String route, String argument, Map<String, List<String>> params) {
        return http.get(route, argument, params, raft.state);
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
        JsonNode entry = get("/v1/health/service/", "web", Map.of()).get(0);

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
        JsonNode instance = get("/v1/catalog/service/", "web", Map.of("tag", List.of("V1"))).get(0);
        for (String field : List.of("Node", "Address", "ServiceName", "ServiceID", "ServiceAddress", "ServicePort",
                "ServiceTags", "ServiceMeta", "NodeMeta", "ServiceWeights", "ServiceTaggedAddresses")) {
            assertTrue(instance.hasNonNull(field), field);
        }
        assertEquals("prod", instance.get("NodeMeta").get("env").asText());
        assertEquals(0, get("/v1/catalog/service/", "web", Map.of("tag", List.of("v2"))).size());
        assertEquals(0, get("/v1/catalog/service/", "web", Map.of("node-meta", List.of("env:dev"))).size());
    }

    @Test
    void passingParameterFiltersOnlyWhenTrue() {
        registerWeb();
        register("""
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"web"},
                 "Checks":[{"Name":"down","ServiceID":"web"}]}""");

        assertEquals(2, get("/v1/health/service/", "web", Map.of("passing", List.of("false"))).size());
        assertEquals(1, get("/v1/health/service/", "web", Map.of("passing", List.of(""))).size());
        HttpException bad = assertThrows(HttpException.class,
                () -> get("/v1/health/service/", "web", Map.of("passing", List.of("nope"))));
        assertEquals(400, bad.status());
        assertEquals("Invalid value for ?passing", bad.getMessage());
        assertEquals("critical", get("/v1/health/state/", "critical", Map.of()).get(0).get("Status").asText());
        assertEquals(400, assertThrows(HttpException.class,
                () -> get("/v1/health/state/", "sad", Map.of())).status());
    }

    @Test
    void nodeEndpointsAndServicesListing() {
        registerWeb();
        JsonNode node = get("/v1/catalog/node/", "n1", Map.of());
        assertEquals("web", node.get("Services").get("web").get("Service").asText());
        assertTrue(get("/v1/catalog/node/", "ghost", Map.of()).isNull());
        assertEquals("web", get("/v1/catalog/node-services/", "n1", Map.of()).get("Services").get(0).get("ID").asText());
        assertEquals(2, get("/v1/health/node/", "n1", Map.of()).size());
        assertEquals(0, get("/v1/health/node/", "ghost", Map.of()).size());
        assertEquals("[\"v1\"]", get("/v1/catalog/services", "", Map.of()).get("web").toString());
        assertEquals("n1", get("/v1/catalog/nodes", "", Map.of()).get(0).get("Node").asText());
        assertEquals("[\"dc9\"]", FakeHttp.toJson(http.call("GET /v1/catalog/datacenters", "")).toString());
    }

    @Test
    void deregisterAndIndexes() {
        registerWeb();
        long afterRegister = raft.state.index(CatalogKeys.TABLE, "");
        assertEquals(Boolean.TRUE, http.call("PUT /v1/catalog/deregister",
                "{\"node\":\"n1\",\"serviceid\":\"web\"}").jsonBody());
        assertEquals(0, get("/v1/health/service/", "web", Map.of()).size());
        assertTrue(raft.state.index(CatalogKeys.TABLE, "") > afterRegister);
        assertEquals("serfHealth", get("/v1/health/node/", "n1", Map.of()).get(0).get("CheckID").asText());
    }

    @Test
    void badRegistrationsAreRefusedWithConsulMessages() {
        HttpException noName = assertThrows(HttpException.class,
                () -> http.call("PUT /v1/catalog/register", "{\"Address\":\"1.2.3.4\"}"));
        assertEquals(400, noName.status());
        assertEquals("Missing node name", noName.getMessage());
        assertEquals("Bad check status", assertThrows(HttpException.class, () -> http.call(
                "PUT /v1/catalog/register",
                "{\"Node\":\"n\",\"Address\":\"a\",\"Check\":{\"Name\":\"c\",\"Status\":\"fine\"}}")).getMessage());
        assertEquals(500, assertThrows(HttpException.class,
                () -> get("/v1/catalog/nodes", "", Map.of("dc", List.of("dc1")))).status());
        assertEquals("Missing service name", assertThrows(HttpException.class,
                () -> get("/v1/health/service/", "", Map.of())).getMessage());
    }
}
