package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.testing.FakeRaft;

/** Consul's ACLs on {@code /v1/catalog} and {@code /v1/health}: vetted writes and filtered reads. */
class CatalogAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    private static final String WEB_WRITER = "service \"web\" { policy = \"write\" }";
    /** Reads n1 and web only. */
    private static final String N1_WEB_READER = """
            node "n1" { policy = "read" }
            service "web" { policy = "read" }""";

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final FakeRoutes http = new FakeRoutes();

    @BeforeEach
    void catalog() {
        new CatalogEndpoints(new RaftCatalog(raft, Fixtures.config("dc1")), Fixtures.agent("n1")).routes(http);
        write("register", new FakeRequest(), """
                {"Node":"n1","Address":"10.0.0.1","Service":{"Service":"web"},
                 "Checks":[{"Name":"serf"},{"Name":"web-alive","ServiceID":"web","Status":"passing"}]}""");
        write("register", new FakeRequest(), """
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"web"}}""");
        write("register", new FakeRequest(), """
                {"Node":"n2","Address":"10.0.0.2","Service":{"Service":"db"},
                 "Checks":[{"Name":"db-alive","ServiceID":"db"}]}""");
    }

    private Response write(String what, FakeRequest request, String body) {
        return http.call("PUT", "/v1/catalog/" + what, request.body(body));
    }

    /** The 403 a write refused by the token fails with. */
    private HttpException refused(String what, String rules, String body) {
        CompletionException failed = assertThrows(CompletionException.class,
                () -> write(what, new FakeRequest().rules(rules), body));
        return (HttpException) failed.getCause();
    }

    private Response read(String route, String argument, FakeRequest request) {
        return http.read(route, request.argument(argument), raft.state()).response();
    }

    private static JsonNode json(Response response) {
        return FakeRequest.JSON.valueToTree(response.jsonBody());
    }

    private List<String> catalogServices(FakeRequest request) {
        List<String> names = new ArrayList<>();
        json(read("/v1/catalog/services", "", request)).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String address(String node) {
        return json(read("/v1/catalog/node/", node, new FakeRequest())).get("Node").get("Address").asText();
    }

    @Test
    void registeringAServiceNeedsServiceWriteAndNodeWriteOnlyWhenTheNodeChanges() {
        assertEquals(Boolean.TRUE, write("register", new FakeRequest().rules(WEB_WRITER), """
                {"Node":"n1","Address":"10.0.0.1","Service":{"Service":"web","Port":81}}""").jsonBody());
        assertEquals(81, json(read("/v1/catalog/service/", "web", new FakeRequest())).get(0).get("ServicePort")
                .asInt());

        HttpException moved = refused("register", WEB_WRITER, """
                {"Node":"n1","Address":"10.9.9.9","Service":{"Service":"web"}}""");
        assertEquals(403, moved.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'node:write' on \"n1\"", moved.getMessage());
        assertEquals("10.0.0.1", address("n1"));

        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'service:write' on \"cache\"", refused("register", WEB_WRITER, """
                {"Node":"n1","Address":"10.0.0.1","Service":{"Service":"cache"}}""").getMessage());
        assertEquals(List.of("db", "web"), catalogServices(new FakeRequest()));
        assertEquals(403, refused("register", WEB_WRITER, """
                {"Node":"n3","Address":"10.0.0.3","Service":{"Service":"web"}}""").status());
        assertTrue(read("/v1/catalog/node/", "n3", new FakeRequest()).jsonBody() == null);
    }

    @Test
    void registeringChecksNeedsNodeWriteOrTheWriteOfTheirService() {
        assertTrue(refused("register", WEB_WRITER, """
                {"Node":"n1","Address":"10.0.0.1","Check":{"Name":"disk"}}""").getMessage()
                .endsWith("'node:write' on \"n1\""));
        assertTrue(refused("register", WEB_WRITER, """
                {"Node":"n2","Address":"10.0.0.2","SkipNodeUpdate":true,
                 "Check":{"Name":"db-slow","ServiceID":"db"}}""").getMessage().endsWith("'service:write' on \"db\""));
        assertEquals(1, json(read("/v1/health/node/", "n2", new FakeRequest())).size());

        write("register", new FakeRequest().rules(WEB_WRITER), """
                {"Node":"n2","Address":"10.0.0.2","SkipNodeUpdate":true,
                 "Check":{"Name":"web-slow","ServiceID":"web"}}""");
        assertEquals(2, json(read("/v1/health/node/", "n2", new FakeRequest())).size());
        write("register", new FakeRequest().rules("node \"n2\" { policy = \"write\" }"), """
                {"Node":"n2","Address":"10.0.0.2","Check":{"Name":"disk"}}""");
        assertEquals(3, json(read("/v1/health/node/", "n2", new FakeRequest())).size());
    }

    @Test
    void replacingAnInstanceNeedsTheWriteOfTheServiceItHad() {
        assertTrue(refused("register", "service \"cache\" { policy = \"write\" }", """
                {"Node":"n2","Address":"10.0.0.2","Service":{"ID":"db","Service":"cache"}}""").getMessage()
                .endsWith("'service:write' on \"db\""));
        assertEquals("db", json(read("/v1/catalog/node-services/", "n2", new FakeRequest())).get("Services").get(0)
                .get("Service").asText());
    }

    @Test
    void deregisteringNeedsNodeWriteOrTheWriteOfTheServiceRemoved() {
        HttpException node = refused("deregister", WEB_WRITER, "{\"Node\":\"n2\"}");
        assertEquals(403, node.status());
        assertTrue(node.getMessage().endsWith("'node:write' on \"n2\""));
        assertTrue(refused("deregister", WEB_WRITER, "{\"Node\":\"n2\",\"ServiceID\":\"db\"}").getMessage()
                .endsWith("'service:write' on \"db\""));
        assertTrue(refused("deregister", WEB_WRITER, "{\"Node\":\"n2\",\"CheckID\":\"db-alive\"}").getMessage()
                .endsWith("'service:write' on \"db\""));
        assertTrue(refused("deregister", WEB_WRITER, "{\"Node\":\"n1\",\"CheckID\":\"serf\"}").getMessage()
                .endsWith("'node:write' on \"n1\""));
        HttpException unknown = refused("deregister", WEB_WRITER, "{\"Node\":\"n2\",\"ServiceID\":\"nope\"}");
        assertEquals(500, unknown.status());
        assertEquals("Unknown service ID 'nope'", unknown.getMessage());
        assertEquals(List.of("db", "web"), catalogServices(new FakeRequest()));
        assertEquals(3, json(read("/v1/health/state/", "any", new FakeRequest())).size());

        write("deregister", new FakeRequest().rules(WEB_WRITER), "{\"Node\":\"n1\",\"CheckID\":\"web-alive\"}");
        write("deregister", new FakeRequest().rules(WEB_WRITER), "{\"Node\":\"n2\",\"ServiceID\":\"web\"}");
        assertEquals(1, json(read("/v1/catalog/service/", "web", new FakeRequest())).size());
        write("deregister", new FakeRequest().rules("node \"n2\" { policy = \"write\" }"), "{\"Node\":\"n2\"}");
        assertNull(read("/v1/catalog/node/", "n2", new FakeRequest()).jsonBody());
    }

    @Test
    void catalogListsKeepWhatTheTokenMayReadAndSaySo() {
        Response nodes = read("/v1/catalog/nodes", "", new FakeRequest().rules(N1_WEB_READER));
        assertEquals(1, json(nodes).size());
        assertEquals("n1", json(nodes).get(0).get("Node").asText());
        assertEquals("true", nodes.headers().get(FILTERED));

        assertEquals(List.of("web"), catalogServices(new FakeRequest().rules(N1_WEB_READER)));
        assertEquals("true", read("/v1/catalog/services", "", new FakeRequest().rules(N1_WEB_READER)).headers()
                .get(FILTERED));

        Response web = read("/v1/catalog/service/", "web", new FakeRequest().rules(N1_WEB_READER));
        assertEquals(1, json(web).size(), "the instance on n2 needs node:read on n2");
        assertEquals("true", web.headers().get(FILTERED));
        assertEquals(0, json(read("/v1/catalog/service/", "db", new FakeRequest().rules(N1_WEB_READER))).size());

        String everything = "node_prefix \"\" { policy = \"read\" } service_prefix \"\" { policy = \"read\" }";
        Response all = read("/v1/catalog/service/", "web", new FakeRequest().rules(everything));
        assertEquals(2, json(all).size());
        assertNull(all.headers().get(FILTERED));
    }

    @Test
    void aNodeTheTokenMayNotReadIsAnsweredAsAnUnknownOneAndItsServicesAreFiltered() {
        assertNull(read("/v1/catalog/node/", "n2", new FakeRequest().rules(N1_WEB_READER)).jsonBody());
        assertNull(read("/v1/catalog/node-services/", "n2", new FakeRequest().rules(N1_WEB_READER)).jsonBody());

        String n2AndWeb = "node \"n2\" { policy = \"read\" } service \"web\" { policy = \"read\" }";
        Response node = read("/v1/catalog/node/", "n2", new FakeRequest().rules(n2AndWeb));
        List<String> ids = new ArrayList<>();
        json(node).get("Services").fieldNames().forEachRemaining(ids::add);
        assertEquals(List.of("web"), ids);
        assertEquals("true", node.headers().get(FILTERED));
        assertEquals(1, json(read("/v1/catalog/node-services/", "n2", new FakeRequest().rules(n2AndWeb)))
                .get("Services").size());
    }

    @Test
    void healthReadsKeepTheChecksAndInstancesTheTokenMayRead() {
        String n1Only = "node \"n1\" { policy = \"read\" }";
        Response nodeChecks = read("/v1/health/node/", "n1", new FakeRequest().rules(n1Only));
        assertEquals(1, json(nodeChecks).size(), "the web check needs service:read on web");
        assertEquals("serf", json(nodeChecks).get(0).get("CheckID").asText());
        assertEquals("true", nodeChecks.headers().get(FILTERED));
        assertEquals(2, json(read("/v1/health/node/", "n1", new FakeRequest().rules(N1_WEB_READER))).size());

        assertEquals(1, json(read("/v1/health/checks/", "web", new FakeRequest().rules(N1_WEB_READER))).size());
        assertEquals(0, json(read("/v1/health/checks/", "db", new FakeRequest().rules(N1_WEB_READER))).size());
        Response service = read("/v1/health/service/", "web", new FakeRequest().rules(N1_WEB_READER));
        assertEquals(1, json(service).size());
        assertEquals("n1", json(service).get(0).get("Node").get("Node").asText());
        assertEquals("true", service.headers().get(FILTERED));
        Response state = read("/v1/health/state/", "any", new FakeRequest().rules(N1_WEB_READER));
        assertEquals(2, json(state).size());
        assertEquals("true", state.headers().get(FILTERED));
    }

    @Test
    void theAnonymousTokenGetsFilteredListsWithoutBeingTold() {
        Response nodes = read("/v1/catalog/nodes", "", new FakeRequest().anonymousDenied());
        assertEquals(0, json(nodes).size());
        assertNull(nodes.headers().get(FILTERED));
        assertEquals(0, json(read("/v1/health/service/", "web", new FakeRequest().anonymousDenied())).size());
    }
}
