package io.cairn.query.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.internal.QueryCommandHandler;
import io.cairn.query.internal.QueryReads;
import io.cairn.query.internal.QueryTokens;
import io.cairn.query.internal.RaftPreparedQueries;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.testing.FakeRaft;

import org.junit.jupiter.api.Test;

class QueryEndpointsTest {

    private final FakeRaft raft = new FakeRaft();
    private final FakeRoutes routes = new FakeRoutes();

    QueryEndpointsTest() {
        raft.handle(PreparedQueries.COMMAND_TYPE, new QueryCommandHandler());
        CatalogStub catalog = new CatalogStub() {
            @Override
            public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
                    Consistency consistency) {
                ServiceEntry web = new ServiceEntry(new Node("", "n1", "10.0.0.1", "dc1", null, null, 1, 1),
                        new NodeService("", "web-1", "web", List.of("v1"), "", null, null, 80, null, false, 1, 1),
                        List.of());
                return CompletableFuture.completedFuture(new Indexed<>(name.equals("web") ? List.of(web)
                        : List.of(), 1));
            }
        };
        QueryReads reads = new QueryReads(catalog, "n1", new Random(1));
        new QueryEndpoints(new RaftPreparedQueries(raft, reads, new QueryTokens(FakeAclResolver.denyByDefault())),
                reads, FakeAclResolver.denyByDefault()).routes(routes);
    }

    private Answer read(String route, String argument, String... terms) {
        return routes.read(route, FakeRequest.of("GET", argument, terms), raft.state());
    }

    @Test
    void declaresConsulsRoutes() {
        assertEquals(List.of("POST /v1/query", "READ /v1/query", "READ /v1/query/", "PUT /v1/query/",
                "DELETE /v1/query/"), routes.declared());
    }

    @Test
    void createGetExecuteExplainUpdateDelete() {
        Response created = routes.call("POST", "/v1/query", FakeRequest.of("POST", "")
                .body("{\"Name\":\"web-q\",\"Service\":{\"Service\":\"web\",\"Tags\":[\"v1\"]},\"DNS\":{\"TTL\":\"5s\"}}"));
        String id = ((Map<?, ?>) created.jsonBody()).get("ID").toString();
        Answer got = read("/v1/query/", id);
        PreparedQuery query = (PreparedQuery) ((List<?>) got.response().jsonBody()).get(0);
        assertEquals("web-q", query.name());
        assertEquals(got.index(), query.modifyIndex());
        ExecuteJson executed = (ExecuteJson) read("/v1/query/", "web-q/execute", "limit=5").response().jsonBody();
        assertEquals("web", executed.service());
        assertEquals("n1", executed.nodes().get(0).node().node());
        assertEquals("5s", executed.dns().ttl());
        Map<?, ?> explained = (Map<?, ?>) read("/v1/query/", id + "/explain").response().jsonBody();
        assertEquals("web-q", ((PreparedQuery) explained.get("Query")).name());
        assertEquals(List.of(), explained.get("FailoverDatacenters"), "no other datacenter known");
        routes.call("PUT", "/v1/query/", FakeRequest.of("PUT", id)
                .body("{\"Name\":\"renamed\",\"Service\":{\"Service\":\"web\"}}"));
        assertEquals(404, read("/v1/query/", "web-q/execute").response().status());
        routes.call("DELETE", "/v1/query/", FakeRequest.of("DELETE", id));
        assertTrue(((List<?>) read("/v1/query", "").response().jsonBody()).isEmpty());
        assertEquals(404, read("/v1/query/", id).response().status());
    }

    @Test
    void everyRouteServesThisDatacenterOnly() {
        for (String route : List.of("POST /v1/query", "GET /v1/query", "GET /v1/query/", "PUT /v1/query/",
                "DELETE /v1/query/")) {
            String[] methodAndPath = route.split(" ");
            assertTrue(routes.datacenterScoped(methodAndPath[0], methodAndPath[1]), route);
        }
        HttpException refused = assertThrows(HttpException.class, () -> read("/v1/query", "", "dc=dc2"));
        assertEquals(500, refused.status());
        assertTrue(((List<?>) read("/v1/query", "", "dc=dc1").response().jsonBody()).isEmpty());
    }

    @Test
    void executeKeepsTheInstancesTheFilterMatchesAndRefusesABadOneBeforeWaiting() {
        routes.call("POST", "/v1/query", FakeRequest.of("POST", "")
                .body("{\"Name\":\"web-q\",\"Service\":{\"Service\":\"web\"}}"));
        ExecuteJson kept = (ExecuteJson) read("/v1/query/", "web-q/execute", "filter=Service.Tags contains \"v1\"")
                .response().jsonBody();
        assertEquals(1, kept.nodes().size());
        ExecuteJson none = (ExecuteJson) read("/v1/query/", "web-q/execute", "filter=Node.Node != \"n1\"")
                .response().jsonBody();
        assertTrue(none.nodes().isEmpty());
        HttpException bad = assertThrows(HttpException.class,
                () -> routes.watch("/v1/query/", FakeRequest.of("GET", "web-q/execute", "filter=Nope == 1")));
        assertEquals(400, bad.status());
    }

    @Test
    void refusalsCarryConsulsTexts() {
        HttpException missing = assertThrows(HttpException.class, () -> routes.call("POST", "/v1/query",
                FakeRequest.of("POST", "").body("{\"Name\":\"x\"}")));
        assertEquals(500, missing.status());
        assertEquals("Invalid prepared query: Must provide a Service name to query", missing.getMessage());
        routes.call("POST", "/v1/query", FakeRequest.of("POST", "").body("{\"Name\":\"x\",\"Service\":{\"Service\":\"web\"}}"));
        CompletionException clash = assertThrows(CompletionException.class, () -> routes.call("POST", "/v1/query",
                FakeRequest.of("POST", "").body("{\"Name\":\"X\",\"Service\":{\"Service\":\"web\"}}")));
        assertEquals("name 'X' aliases an existing query name", clash.getCause().getMessage());
        HttpException limit = assertThrows(HttpException.class, () -> read("/v1/query/", "x/execute", "limit=many"));
        assertEquals("Bad limit: strconv.Atoi: parsing \"many\": invalid syntax", limit.getMessage());
    }
}
