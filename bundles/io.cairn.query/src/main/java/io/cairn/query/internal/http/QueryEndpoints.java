package io.cairn.query.internal.http;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.CatalogJson.ServiceEntryJson;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.filter.ConsulShapes;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.internal.QueryReads;
import io.cairn.query.internal.QueryRules;
import io.cairn.query.internal.QueryTokens;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /v1/query}: writes through the {@link PreparedQueries} service; reads of the query table that watch the
 * whole table and answer with its index, as Consul's do. {@code /v1/query/<id>} reads by ID only;
 * {@code .../execute} and {@code .../explain} resolve an ID or a name (templates included). Refusals of a
 * definition are 500s with Consul's texts, an unknown query a 404 {@value #NOT_FOUND}. Bodies are bounded by the
 * routes' default limit, so no client stores an unbounded query. Every route serves this datacenter only: the server
 * refuses a {@code ?dc=} naming another, as for Consul's other datacenter-scoped endpoints. ACLs are Consul's, see
 * {@link QueryAcl}: writes are vetted before they are submitted, reads filtered or refused with 403.
 */
@Component(service = HttpEndpoints.class)
public final class QueryEndpoints implements HttpEndpoints {

    static final String NOT_FOUND = "Query not found";
    private static final String EXECUTE = "/execute";
    private static final String EXPLAIN = "/explain";
    private static final Watch ALL_QUERIES = new Watch(PreparedQueries.TABLE, "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PreparedQueries queries;
    private final QueryReads reads;
    private final QueryTokens tokens;

    @Activate
    public QueryEndpoints(@Reference PreparedQueries queries,
            @Reference(target = QueryReads.LOCAL_CATALOG) Catalog catalog, @Reference AgentInfo agent,
            @Reference AclResolver resolver) {
        this(queries, new QueryReads(catalog, agent.nodeName(), new SecureRandom()), resolver);
    }

    /** {@code resolver} resolves the tokens queries store, which their executions run with. */
    QueryEndpoints(PreparedQueries queries, QueryReads reads, AclResolver resolver) {
        this.queries = queries;
        this.reads = reads;
        this.tokens = new QueryTokens(resolver);
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .post("/v1/query", this::create)
                .read("/v1/query", query((request, state) -> QueryAcl.list(request, reads.list(state))))
                .read("/v1/query/", query(this::get))
                .put("/v1/query/", this::update)
                .delete("/v1/query/", this::delete);
    }

    CompletionStage<Response> create(Request request) {
        PreparedQuery body = definition(request);
        return queries.create(body).thenApply(id -> Response.json(Map.of("ID", id)));
    }

    /** Needs {@code query:write} on the new definition's name and on the stored query's, as in Consul. */
    CompletionStage<Response> update(Request request) {
        PreparedQuery body = definition(request);
        String id = id(request);
        return requireWriteOnStored(request, id)
                .thenCompose(allowed -> queries.update(body.withId(id, 0, 0)))
                .thenApply(done -> Response.ok());
    }

    CompletionStage<Response> delete(Request request) {
        String id = id(request);
        return requireWriteOnStored(request, id)
                .thenCompose(allowed -> queries.delete(id))
                .thenApply(done -> Response.ok());
    }

    /**
     * Refuses a change to the stored query {@code id} with a 403 unless the token may write it; a query that is
     * not there is left to the write, which refuses it or has nothing to do.
     */
    private CompletionStage<Void> requireWriteOnStored(Request request, String id) {
        return queries.list(Consistency.DEFAULT).thenAccept(stored -> stored.stream()
                .filter(query -> query.id().equals(id)).findFirst()
                .ifPresent(query -> QueryAcl.requireWrite(request, query)));
    }

    /**
     * The body, refused with a 403 without {@code query:write} on its name, then on its face with Consul's
     * texts, before anything is submitted.
     */
    private static PreparedQuery definition(Request request) {
        PreparedQuery body = Optional.ofNullable(request.body(PreparedQuery.class))
                .orElseGet(() -> new PreparedQuery(null, null, null, null, null, null, null, 0, 0));
        QueryAcl.requireWrite(request, body);
        try {
            QueryRules.validate(body);
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
        return body;
    }

    private static String id(Request request) {
        if (request.argument().isEmpty()) {
            throw HttpException.badRequest("Missing query ID");
        }
        return request.argument();
    }

    private Response get(Request request, StateView state) {
        String path = id(request);
        try {
            if (path.endsWith(EXECUTE)) {
                String idOrName = path.substring(0, path.length() - EXECUTE.length());
                Predicate<ServiceEntry> matching = filter(request);
                AtomicBoolean removed = new AtomicBoolean();
                return reads.execute(state, idOrName, options(request),
                        query -> matching.and(tokens.readableInstances(query, request::acl, removed)))
                        .map(result -> request.filteredByAcls(Response.json(ExecuteJson.of(result)), removed.get()))
                        .orElseGet(() -> Response.text(404, NOT_FOUND));
            }
            if (path.endsWith(EXPLAIN)) {
                String idOrName = path.substring(0, path.length() - EXPLAIN.length());
                return reads.explain(state, idOrName).map(q -> {
                    Map<String, Object> explained = new LinkedHashMap<>();
                    explained.put("Query", QueryAcl.readable(request, q, false));
                    // Cairn's addition: where an execution would fail over to, in order
                    explained.put("FailoverDatacenters", reads.failoverOrder(q));
                    return Response.json(explained);
                }).orElseGet(() -> Response.text(404, NOT_FOUND));
            }
            return reads.get(state, path).map(q -> Response.json(List.of(QueryAcl.readable(request, q, true))))
                    .orElseGet(() -> Response.text(404, NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
    }

    /** {@code ?near}, {@code ?limit} (Go's {@code Atoi}; not above 0: no limit), {@code ?connect} (Go's bool). */
    static ExecuteOptions options(Request request) {
        int limit = request.param("limit").filter(l -> !l.isEmpty()).map(QueryEndpoints::limit).orElse(0);
        boolean connect = request.param("connect").filter(c -> !c.isEmpty()).map(QueryEndpoints::bool)
                .orElse(false);
        return new ExecuteOptions(request.param("near"), Math.max(0, limit), connect);
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new HttpException(500, "Bad limit: strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new HttpException(500, "Error parsing 'connect' value: strconv.ParseBool: parsing \""
                    + text + "\": invalid syntax");
        };
    }

    /**
     * {@code ?filter} over the result's {@code Nodes} entries, each seen as {@code /v1/health/service} shows it; 400
     * with the parser's message if it is bad.
     */
    private static Predicate<ServiceEntry> filter(Request request) {
        return request.filter(ConsulShapes.SERVICE_ENTRY)
                .<Predicate<ServiceEntry>>map(filter -> entry -> filter.matches(
                        JSON.valueToTree(ServiceEntryJson.of(entry))))
                .orElse(entry -> true);
    }

    /** A read of the query table, checked (and refused) before the server waits, and answered with its index. */
    private static StateQuery query(BiFunction<Request, StateView, Response> answer) {
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                if (request.argument().endsWith(EXECUTE)) {
                    options(request);
                    filter(request);
                }
                return ALL_QUERIES;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(QueryReads.index(state), answer.apply(request, state));
            }
        };
    }

    /** The other datacenters, which executions fail over to. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRemote(RemoteDatacenters datacenters) {
        reads.bindRemote(datacenters);
    }

    void unbindRemote(RemoteDatacenters datacenters) {
        reads.unbindRemote(datacenters);
    }
}
