package io.cairn.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/catalog} and {@code /v1/health}. Every read watches the whole catalog table and answers with its
 * index, as Consul answers with its table indexes; writes go through the {@link Catalog} service.
 */
@Component(service = HttpEndpoints.class)
public final class CatalogEndpoints implements HttpEndpoints {

    private static final Watch WHOLE_CATALOG = new Watch(CatalogKeys.TABLE, "");
    /** How Consul starts the 400 for a body its decoder refuses. */
    static final String DECODE_FAILED = "Request decode failed: ";

    private final Catalog catalog;
    private final DecodedRecords records = new DecodedRecords(RaftCatalog.DECODED_RECORDS);

    @Activate
    public CatalogEndpoints(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void routes(RouteTable table) {
        table.put("/v1/catalog/register", this::register)
                .put("/v1/catalog/deregister", this::deregister)
                .get("/v1/catalog/datacenters",
                        request -> CompletableFuture.completedFuture(Response.json(List.of(catalog.datacenter()))))
                .read("/v1/catalog/nodes", query(this::nodeMeta,
                        (meta, reads) -> reads.nodes(meta).stream().map(Views.NodeJson::of).toList()))
                .read("/v1/catalog/services", query(this::nodeMeta, (meta, reads) -> reads.services(meta)))
                .read("/v1/catalog/service/", query(r -> serviceQuery(r, false),
                        (q, reads) -> reads.serviceEntries(q.name(), q.query()).stream()
                                .map(Views.CatalogServiceJson::of).toList()))
                .read("/v1/catalog/node/", query(r -> name(r, "Missing node name"),
                        (node, reads) -> reads.nodeServices(node).map(Views.NodeInfoJson::of).orElse(null)))
                .read("/v1/catalog/node-services/", query(r -> name(r, "Missing node name"),
                        (node, reads) -> reads.nodeServices(node).map(Views.NodeServicesJson::of).orElse(null)))
                .read("/v1/health/node/", query(r -> name(r, "Missing node name"),
                        (node, reads) -> Views.CheckJson.of(reads.nodeChecks(node))))
                .read("/v1/health/checks/", query(r -> serviceQuery(r, false),
                        (q, reads) -> Views.CheckJson.of(reads.serviceChecks(q.name(), q.query().nodeMeta()))))
                .read("/v1/health/service/", query(r -> serviceQuery(r, true),
                        (q, reads) -> reads.serviceEntries(q.name(), q.query()).stream()
                                .map(Views.ServiceEntryJson::of).toList()))
                .read("/v1/health/state/", query(this::stateQuery,
                        (q, reads) -> Views.CheckJson.of(reads.checks(q.state(), q.nodeMeta()))));
    }

    /** A JSON {@code null} body is an empty request, as Go decodes it, refused for its missing node name. */
    private CompletionStage<Response> register(Request request) {
        Bodies.RegisterBody body = Optional.ofNullable(request.body(Bodies.RegisterBody.class))
                .orElse(Bodies.RegisterBody.EMPTY);
        requireOwnDatacenter(body.datacenter());
        Registration registration = badRequestOnIllegalArgument(() -> {
            Registration r;
            try {
                r = body.toRegistration();
            } catch (GoFields.DecodeError e) {
                throw new IllegalArgumentException(DECODE_FAILED + e.getMessage(), e);
            }
            CatalogCommand.register(r);
            return r;
        });
        return catalog.register(registration).thenApply(done -> Response.json(true));
    }

    private CompletionStage<Response> deregister(Request request) {
        Bodies.DeregisterBody body = Optional.ofNullable(request.body(Bodies.DeregisterBody.class))
                .orElse(Bodies.DeregisterBody.EMPTY);
        requireOwnDatacenter(body.datacenter());
        Deregistration deregistration = badRequestOnIllegalArgument(() -> {
            Deregistration d = body.toDeregistration();
            CatalogCommand.deregister(d);
            return d;
        });
        return catalog.deregister(deregistration).thenApply(done -> Response.json(true));
    }

    /** A read whose parameters are parsed (and refused) before the server waits, and again to answer. */
    private <P> StateQuery query(Function<Request, P> params, BiFunction<P, CatalogReads, Object> body) {
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                requireOwnDatacenter(request.param("dc").orElse(""));
                badRequestOnIllegalArgument(() -> params.apply(request));
                return WHOLE_CATALOG;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                P parsed = badRequestOnIllegalArgument(() -> params.apply(request));
                CatalogReads reads = new CatalogReads(state, catalog.datacenter(), records);
                return new Answer(reads.index(), Response.json(body.apply(parsed, reads)));
            }
        };
    }

    private record NamedQuery(String name, ServiceQuery query) {
    }

    private record StateFilter(Optional<CheckStatus> state, Map<String, String> nodeMeta) {
    }

    private Map<String, String> nodeMeta(Request request) {
        return Filters.nodeMeta(request.params("node-meta"));
    }

    private NamedQuery serviceQuery(Request request, boolean readPassing) {
        String name = name(request, "Missing service name");
        boolean passing = readPassing && Filters.passing(request.param("passing"));
        return new NamedQuery(name, new ServiceQuery(request.params("tag"), nodeMeta(request), passing));
    }

    private StateFilter stateQuery(Request request) {
        return new StateFilter(Filters.state(request.argument()), nodeMeta(request));
    }

    private static String name(Request request, String missing) {
        if (request.argument().isEmpty()) {
            throw new IllegalArgumentException(missing);
        }
        return request.argument();
    }

    /** Consul forwards other datacenters' requests over the WAN; this release has one datacenter. */
    private void requireOwnDatacenter(String dc) {
        if (dc != null && !dc.isEmpty() && !dc.equals(catalog.datacenter())) {
            throw new HttpException(500, "No path to datacenter");
        }
    }

    private static <T> T badRequestOnIllegalArgument(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }
}
