package io.cairn.query.internal.http;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.CatalogJson.ServiceEntryJson;
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
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/query}: writes through the {@link PreparedQueries} service; reads of the query table that watch the
 * whole table and answer with its index, as Consul's do. {@code /v1/query/<id>} reads by ID only;
 * {@code .../execute} and {@code .../explain} resolve an ID or a name (templates included). Refusals of a
 * definition are 500s with Consul's texts, an unknown query a 404 {@value #NOT_FOUND}. Bodies are bounded by the
 * routes' default limit, so no client stores an unbounded query. Every route serves this datacenter only: the server
 * refuses a {@code ?dc=} naming another, as for Consul's other datacenter-scoped endpoints.
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

    @Activate
    public QueryEndpoints(@Reference PreparedQueries queries,
            @Reference(target = QueryReads.LOCAL_CATALOG) Catalog catalog, @Reference AgentInfo agent) {
        this(queries, new QueryReads(catalog, agent.nodeName(), new SecureRandom()));
    }

    QueryEndpoints(PreparedQueries queries, QueryReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .post("/v1/query", this::create)
                .read("/v1/query", query((request, state) -> Response.json(reads.list(state))))
                .read("/v1/query/", query(this::get))
                .put("/v1/query/", this::update)
                .delete("/v1/query/", this::delete);
    }

    CompletionStage<Response> create(Request request) {
        PreparedQuery body = definition(request);
        return queries.create(body).thenApply(id -> Response.json(Map.of("ID", id)));
    }

    CompletionStage<Response> update(Request request) {
        PreparedQuery body = definition(request);
        return queries.update(body.withId(id(request), 0, 0)).thenApply(done -> Response.ok());
    }

    CompletionStage<Response> delete(Request request) {
        return queries.delete(id(request)).thenApply(done -> Response.ok());
    }

    /** The body, refused on its face with Consul's texts before anything is submitted. */
    private static PreparedQuery definition(Request request) {
        PreparedQuery body = Optional.ofNullable(request.body(PreparedQuery.class))
                .orElseGet(() -> new PreparedQuery(null, null, null, null, null, null, null, 0, 0));
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
                return reads.execute(state, idOrName, options(request), filter(request))
                        .map(result -> Response.json(ExecuteJson.of(result)))
                        .orElseGet(() -> Response.text(404, NOT_FOUND));
            }
            if (path.endsWith(EXPLAIN)) {
                String idOrName = path.substring(0, path.length() - EXPLAIN.length());
                return reads.explain(state, idOrName).map(q -> Response.json(Map.of("Query", q)))
                        .orElseGet(() -> Response.text(404, NOT_FOUND));
            }
            return reads.get(state, path).map(q -> Response.json(List.of(q)))
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
}
