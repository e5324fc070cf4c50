package io.cairn.query.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.testing.FakeAclResolver;
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
import io.cairn.session.api.Sessions;

/** Consul's prepared query ACLs on {@code /v1/query}. */
class QueryAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    private static final String WEB_WRITER = "query_prefix \"web\" { policy = \"write\" }";
    private static final String WEB_READER = "query_prefix \"web\" { policy = \"read\" }";
    private static final String READS_EVERYTHING = """
            node_prefix "" { policy = "read" }
            service_prefix "" { policy = "read" }""";

    private final FakeRaft raft = new FakeRaft();
    private final FakeRoutes routes = new FakeRoutes();
    private final FakeAclResolver resolver = FakeAclResolver.denyByDefault()
            .token("stored-secret", "stored-accessor", READS_EVERYTHING);

    QueryAclTest() {
        raft.handle(PreparedQueries.COMMAND_TYPE, new QueryCommandHandler());
        CatalogStub catalog = new CatalogStub() {
            @Override
            public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
                    Consistency consistency) {
                ServiceEntry web = new ServiceEntry(new Node("", "n1", "10.0.0.1", "dc1", null, null, 1, 1),
                        new NodeService("", "web-1", "web", List.of(), "", null, null, 80, null, false, 1, 1),
                        List.of());
                return CompletableFuture.completedFuture(new Indexed<>(List.of(web), 1));
            }
        };
        QueryReads reads = new QueryReads(catalog, "n1", new Random(1));
        new QueryEndpoints(new RaftPreparedQueries(raft, reads, new QueryTokens(resolver)), reads, resolver).routes(routes);
    }

    private String create(FakeRequest request, String body) {
        Response created = routes.call("POST", "/v1/query", request.method("POST").body(body));
        return ((Map<?, ?>) created.jsonBody()).get("ID").toString();
    }

    private static String query(String name, String token) {
        return "{\"Name\":\"" + name + "\",\"Token\":\"" + token + "\",\"Service\":{\"Service\":\"web\"}}";
    }

    private Response read(String argument, FakeRequest request) {
        return routes.read(argument.isEmpty() ? "/v1/query" : "/v1/query/", request.argument(argument),
                raft.state()).response();
    }

    private List<?> list(FakeRequest request) {
        return (List<?>) read("", request).jsonBody();
    }

    /** The 403 a write refused by the token fails with, from the handler or from its stage. */
    private static HttpException refused(Runnable write) {
        RuntimeException failed = assertThrows(RuntimeException.class, write::run);
        return (HttpException) (failed instanceof CompletionException ? failed.getCause() : failed);
    }

    @Test
    void creatingANamedQueryOrATemplateNeedsQueryWriteOnItsNameBeforeItIsValidated() {
        create(new FakeRequest().rules(WEB_WRITER), query("web-q", ""));
        HttpException denied = refused(() -> create(new FakeRequest().rules(WEB_WRITER), "{\"Name\":\"db-q\"}"));
        assertEquals(403, denied.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'query:write' on \"db-q\"", denied.getMessage());
        assertEquals(403, refused(() -> create(new FakeRequest().rules(WEB_WRITER), """
                {"Template":{"Type":"name_prefix_match"},"Service":{"Service":"${name.full}"}}""")).status());
        assertEquals(1, list(new FakeRequest()).size());
    }

    @Test
    void updatingAndDeletingNeedQueryWriteOnTheStoredNameAndTheNewOne() {
        String id = create(new FakeRequest(), query("web-q", ""));
        String dbWriter = "query \"db-q\" { policy = \"write\" }";
        assertEquals(403, refused(() -> routes.call("PUT", "/v1/query/",
                new FakeRequest().rules(WEB_WRITER).argument(id).body(query("db-q", "")))).status());
        assertEquals(403, refused(() -> routes.call("PUT", "/v1/query/",
                new FakeRequest().rules(dbWriter).argument(id).body(query("db-q", "")))).status());
        assertEquals(403, refused(() -> routes.call("DELETE", "/v1/query/",
                new FakeRequest().rules(dbWriter).argument(id))).status());
        assertEquals("web-q", ((PreparedQuery) list(new FakeRequest()).get(0)).name());

        routes.call("PUT", "/v1/query/", new FakeRequest().rules(WEB_WRITER).argument(id).body(query("web-2", "")));
        assertEquals("web-2", ((PreparedQuery) list(new FakeRequest()).get(0)).name());
        routes.call("DELETE", "/v1/query/", new FakeRequest().rules(WEB_WRITER).argument(id));
        assertEquals(0, list(new FakeRequest()).size());
    }

    @Test
    void theListKeepsTheQueriesTheTokenMayReadWithTheirTokensHiddenUnlessItManagesAcls() {
        create(new FakeRequest(), query("web-q", "stored-secret"));
        create(new FakeRequest(), query("db-q", ""));

        Response readable = read("", new FakeRequest().rules(WEB_READER));
        List<?> queries = (List<?>) readable.jsonBody();
        assertEquals(1, queries.size());
        assertEquals("<hidden>", ((PreparedQuery) queries.get(0)).token());
        assertEquals("true", readable.headers().get(FILTERED));

        Response managed = read("", new FakeRequest().rules("acl = \"write\""));
        assertEquals(2, ((List<?>) managed.jsonBody()).size());
        assertNull(managed.headers().get(FILTERED));
        assertEquals(List.of("", "stored-secret"), list(new FakeRequest()).stream()
                .map(query -> ((PreparedQuery) query).token()).sorted().toList(),
                "with ACLs disabled nothing is hidden");
    }

    @Test
    void readingOrExplainingAQueryNeedsQueryReadOnItsName() {
        String id = create(new FakeRequest(), query("web-q", "stored-secret"));
        String dbReader = "query \"db-q\" { policy = \"read\" }";
        HttpException denied = assertThrows(HttpException.class, () -> read(id, new FakeRequest().rules(dbReader)));
        assertEquals(403, denied.status());
        assertEquals(403, assertThrows(HttpException.class,
                () -> read("web-q/explain", new FakeRequest().rules(dbReader))).status());

        PreparedQuery got = (PreparedQuery) ((List<?>) read(id, new FakeRequest().rules(WEB_READER)).jsonBody())
                .get(0);
        assertEquals("<hidden>", got.token());
        Map<?, ?> explained = (Map<?, ?>) read("web-q/explain", new FakeRequest().rules(WEB_READER)).jsonBody();
        assertEquals("<hidden>", ((PreparedQuery) explained.get("Query")).token());
    }

    @Test
    void anUnnamedQueryIsAnyonesToCreateAndToReadByItsIdButOnlyManagersListOrExplainIt() {
        raft.state().next().put(Sessions.TABLE, "s1", new byte[0]);
        String unnamed = "{\"Session\":\"s1\",\"Token\":\"stored-secret\",\"Service\":{\"Service\":\"web\"}}";
        String id = create(new FakeRequest().anonymousDenied(), unnamed);

        PreparedQuery got = (PreparedQuery) ((List<?>) read(id, new FakeRequest().anonymousDenied()).jsonBody())
                .get(0);
        assertEquals("<hidden>", got.token());
        Response listed = read("", new FakeRequest().rules(WEB_READER));
        assertEquals(0, ((List<?>) listed.jsonBody()).size());
        assertNull(listed.headers().get(FILTERED), "Consul does not count unnamed queries as filtered");
        assertEquals(1, list(new FakeRequest().rules("acl = \"write\"")).size());
        assertEquals(403, assertThrows(HttpException.class,
                () -> read(id + "/explain", new FakeRequest().rules(WEB_READER))).status());

        routes.call("DELETE", "/v1/query/", new FakeRequest().anonymousDenied().argument(id));
        assertEquals(0, list(new FakeRequest()).size());
    }

    @Test
    void anExecutionAnswersTheInstancesTheRequestsTokenMayRead() {
        create(new FakeRequest(), query("web-q", ""));
        Response serviceOnly = read("web-q/execute",
                new FakeRequest().rules("service \"web\" { policy = \"read\" }"));
        assertEquals(0, ((ExecuteJson) serviceOnly.jsonBody()).nodes().size(), "the node needs node:read");
        assertEquals("true", serviceOnly.headers().get(FILTERED));

        Response all = read("web-q/execute", new FakeRequest().rules(READS_EVERYTHING));
        assertEquals(1, ((ExecuteJson) all.jsonBody()).nodes().size());
        assertNull(all.headers().get(FILTERED));
    }

    @Test
    void anExecutionOfAQueryWithAStoredTokenAnswersWhatThatTokenMayRead() {
        create(new FakeRequest(), query("web-q", "stored-secret"));
        create(new FakeRequest(), query("web-gone", "deleted-secret"));
        assertEquals(1, ((ExecuteJson) read("web-q/execute", new FakeRequest().anonymousDenied()).jsonBody())
                .nodes().size());
        // the HTTP server answers it 403 ACL not found, as for a request's own unknown token
        assertThrows(AclNotFoundException.class,
                () -> read("web-gone/execute", new FakeRequest().rules(READS_EVERYTHING)));
    }
}
