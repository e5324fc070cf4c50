package io.cairn.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.CatalogJson;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Proximity;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.filter.ConsulShapes;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/catalog}, {@code /v1/health} and the {@code /v1/internal/ui} lists of services and nodes the web UI
 * shows ({@link UiViews}). Every read watches the whole catalog table and answers with its
 * index, as Consul answers with its table indexes, serves this datacenter only and takes {@code ?filter=} where
 * Consul does (the server filters the lists; the service map and a node's services are filtered here); writes go
 * through the {@link Catalog} service. The lists Consul sorts by {@code ?near=<node>|_agent} are sorted here by
 * {@link Proximity}.
 * <p>
 * ACLs as Consul's: writes are vetted by {@link CatalogWriteAcl} before they are submitted; reads leave out what
 * the token may not read ({@link CatalogAclFilter}, before the {@code ?near} sort), marking the answer when they
 * did, and a node the token may not read is answered as an unknown one. The datacenter list needs no rights.
 * <p>
 * Only this server's replicated catalog is served ({@link #LOCAL_CATALOG}): on a client agent, whose
 * {@code Catalog} is the servers' reached over the network, these routes are absent and the requests go to a
 * server.
 */
@Component(service = HttpEndpoints.class)
public final class CatalogEndpoints implements HttpEndpoints {

    /** The reference target that selects this server's replicated catalog, never a remote one. */
    static final String LOCAL_CATALOG = "(!(" + Catalog.REMOTE + "=true))";
    /** The {@code ?near} value that names this agent's own node. */
    static final String NEAR_AGENT = "_agent";

    private static final Watch WHOLE_CATALOG = new Watch(CatalogKeys.TABLE, "");
    /** How Consul starts the 400 for a body its decoder refuses. */
    static final String DECODE_FAILED = "Request decode failed: ";

    /**
     * A read's result from its parsed parameters, the catalog, the {@code ?near} order and what the request's token
     * may read of it.
     */
    @FunctionalInterface
    private interface Body<P> {
        Object apply(P params, CatalogReads reads, Proximity near, CatalogAclFilter acl);
    }

    private final Catalog catalog;
    private final AgentInfo agent;
    private final DecodedRecords records = new DecodedRecords(RaftCatalog.DECODED_RECORDS);

    @Activate
    public CatalogEndpoints(@Reference(target = LOCAL_CATALOG) Catalog catalog, @Reference AgentInfo agent) {
        this.catalog = catalog;
        this.agent = agent;
    }

    @Override
    public void routes(RouteTable table) {
        table.put("/v1/catalog/register", this::register)
                .put("/v1/catalog/deregister", this::deregister);
        table.datacenterScoped()
                .read("/v1/catalog/nodes", ConsulShapes.NODE, query(this::nodeMeta,
                        (meta, reads, near, acl) -> near.sort(acl.nodes(reads.nodes(meta)), Node::node).stream()
                                .map(CatalogJson.NodeJson::of).toList()))
                .read("/v1/catalog/services", query(this::servicesQuery,
                        (q, reads, near, acl) -> acl.services(reads.services(q.nodeMeta(), q.instances()))))
                .read("/v1/catalog/service/", ConsulShapes.SERVICE_NODE, query(r -> serviceQuery(r, false),
                        (q, reads, near, acl) -> near.sort(acl.instances(reads.serviceEntries(q.name(), q.query())),
                                CatalogEndpoints::node).stream().map(Views.CatalogServiceJson::of).toList()))
                .read("/v1/catalog/node/", query(CatalogEndpoints::nodeQuery,
                        (q, reads, near, acl) -> acl.nodeServices(reads.nodeServices(q.node()).map(q::keep))
                                .map(Views.NodeInfoJson::of).orElse(null)))
                .read("/v1/catalog/node-services/", query(CatalogEndpoints::nodeQuery,
                        (q, reads, near, acl) -> acl.nodeServices(reads.nodeServices(q.node()).map(q::keep))
                                .map(Views.NodeServicesJson::of).orElse(null)))
                .read("/v1/health/node/", ConsulShapes.HEALTH_CHECK, query(r -> name(r, "Missing node name"),
                        (node, reads, near, acl) -> CatalogJson.CheckJson.of(acl.checks(reads.nodeChecks(node)))))
                .read("/v1/health/checks/", ConsulShapes.HEALTH_CHECK, query(r -> serviceQuery(r, false),
                        (q, reads, near, acl) -> CatalogJson.CheckJson.of(near.sort(
                                acl.checks(reads.serviceChecks(q.name(), q.query().nodeMeta())), HealthCheck::node))))
                .read("/v1/health/service/", ConsulShapes.SERVICE_ENTRY, query(r -> serviceQuery(r, true),
                        (q, reads, near, acl) -> near.sort(acl.instances(reads.serviceEntries(q.name(), q.query())),
                                CatalogEndpoints::node).stream().map(CatalogJson.ServiceEntryJson::of).toList()))
                .read("/v1/health/state/", ConsulShapes.HEALTH_CHECK, query(this::stateQuery,
                        (q, reads, near, acl) -> CatalogJson.CheckJson.of(near.sort(
                                acl.checks(reads.checks(q.state(), q.nodeMeta())), HealthCheck::node))))
                .read("/v1/internal/ui/services", query(CatalogEndpoints::uiServicesQuery,
                        (keep, reads, near, acl) -> UiViews.ServiceSummaryJson.of(acl.instances(
                                reads.allInstances().stream().filter(keep.orElse(instance -> true)).toList()))))
                .read("/v1/internal/ui/nodes", query(request -> null,
                        (none, reads, near, acl) -> reads.nodes(Map.of()).stream()
                                .flatMap(node -> uiNode(node.node(), reads, acl).stream()).toList()))
                .read("/v1/internal/ui/node/", query(r -> name(r, "Missing node name"),
                        (node, reads, near, acl) -> uiNode(node, reads, acl)));
    }

    /**
     * A node as the UI shows it, with the instances and checks the token may read; empty when there is no such
     * node or the token may not read it.
     */
    private static Optional<UiViews.NodeJson> uiNode(String node, CatalogReads reads, CatalogAclFilter acl) {
        return acl.nodeServices(reads.nodeServices(node))
                .map(services -> UiViews.NodeJson.of(services, acl.checks(reads.nodeChecks(node))));
    }

    /**
     * A JSON {@code null} body is an empty request, as Go decodes it, refused for its missing node name. The
     * token's rights are vetted against the node as it is now ({@link CatalogWriteAcl}), before submitting.
     */
    private CompletionStage<Response> register(Request request) {
        Bodies.RegisterBody body = Optional.ofNullable(request.body(Bodies.RegisterBody.class))
                .orElse(Bodies.RegisterBody.EMPTY);
        Requests.requireOwnDatacenter(catalog.datacenter(), body.datacenter());
        Registration registration = Requests.badRequestOnIllegalArgument(() -> {
            try {
                return body.toRegistration();
            } catch (GoFields.DecodeError e) {
                throw new IllegalArgumentException(DECODE_FAILED + e.getMessage(), e);
            }
        });
        CatalogCommand command = Requests.badRequestOnIllegalArgument(() -> CatalogCommand.register(registration));
        return catalog.node(registration.node(), Consistency.DEFAULT)
                .thenCompose(existing -> {
                    CatalogWriteAcl.vetRegister(request, command.register(), existing.value());
                    return catalog.register(registration);
                })
                .thenApply(done -> Response.json(true));
    }

    /** Vetted as {@link CatalogWriteAcl} says, against the node as it is now, before submitting. */
    private CompletionStage<Response> deregister(Request request) {
        Bodies.DeregisterBody body = Optional.ofNullable(request.body(Bodies.DeregisterBody.class))
                .orElse(Bodies.DeregisterBody.EMPTY);
        Requests.requireOwnDatacenter(catalog.datacenter(), body.datacenter());
        Deregistration deregistration = body.toDeregistration();
        CatalogCommand command = Requests.badRequestOnIllegalArgument(
                () -> CatalogCommand.deregister(deregistration));
        CompletionStage<Void> vetted = request.acl().nodeWrite(deregistration.node())
                ? CompletableFuture.completedFuture(null)
                : catalog.node(deregistration.node(), Consistency.DEFAULT).thenCombine(
                        catalog.nodeChecks(deregistration.node(), Consistency.DEFAULT), (existing, checks) -> {
                            CatalogWriteAcl.vetDeregisterWithoutNodeWrite(request, command.deregister(),
                                    existing.value(), checks.value());
                            return null;
                        });
        return vetted.thenCompose(allowed -> catalog.deregister(deregistration))
                .thenApply(done -> Response.json(true));
    }

    /**
     * A read whose parameters are parsed (and refused) before the server waits, and again to answer. The
     * {@code ?near} order comes from the same state as the answer; coordinates moving do not change the index,
     * as in Consul, whose catalog indexes do not cover its coordinates either.
     */
    private <P> StateQuery query(Function<Request, P> params, Body<P> body) {
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                Requests.badRequestOnIllegalArgument(() -> params.apply(request));
                return WHOLE_CATALOG;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                P parsed = Requests.badRequestOnIllegalArgument(() -> params.apply(request));
                CatalogReads reads = new CatalogReads(state, catalog.datacenter(), records);
                Proximity near = Proximity.from(state, nearNode(request));
                CatalogAclFilter acl = new CatalogAclFilter(request.acl());
                Object result = body.apply(parsed, reads, near, acl);
                return new Answer(reads.index(), request.filteredByAcls(respond(result), acl.removedAny()));
            }
        };
    }

    /**
     * A read's result as its response: JSON, except that an {@link Optional} is its value as JSON, or a 404
     * without a body when empty (an unknown node of the UI's endpoint, as Consul answers it).
     */
    private static Response respond(Object result) {
        return result instanceof Optional<?> found
                ? found.map(Response::json).orElseGet(() -> Response.empty(404))
                : Response.json(result);
    }

    /** The node {@code ?near} names, {@code _agent} standing for this agent's; none without the parameter. */
    private Optional<String> nearNode(Request request) {
        return request.param("near").filter(near -> !near.isEmpty())
                .map(near -> near.equals(NEAR_AGENT) ? agent.nodeName() : near);
    }

    private static String node(ServiceEntry entry) {
        return entry.node().node();
    }

    private record NamedQuery(String name, ServiceQuery query) {
    }

    /**
     * {@code /v1/catalog/services}: the node metadata wanted, and the instances {@code ?filter=} keeps, which
     * Consul filters before it builds the name to tags map.
     */
    private record ServicesQuery(Map<String, String> nodeMeta, Optional<Predicate<ServiceEntry>> instances) {
    }

    /** {@code /v1/catalog/node/:node} and {@code node-services}: the node, and its services {@code ?filter=} keeps. */
    private record NodeQuery(String node, Optional<Predicate<NodeService>> services) {

        NodeServices keep(NodeServices all) {
            return services.map(matching -> new NodeServices(all.node(),
                    all.services().stream().filter(matching).toList())).orElse(all);
        }
    }

    private record StateFilter(Optional<CheckStatus> state, Map<String, String> nodeMeta) {
    }

    private Map<String, String> nodeMeta(Request request) {
        return Filters.nodeMeta(request.params("node-meta"));
    }

    private ServicesQuery servicesQuery(Request request) {
        return new ServicesQuery(nodeMeta(request), request.filter(ConsulShapes.SERVICE_NODE)
                .map(filter -> Filters.matching(filter, Views.CatalogServiceJson::of)));
    }

    /**
     * {@code /v1/internal/ui/services}: the instances {@code ?filter=} keeps, which Consul filters before it
     * summarises them.
     */
    private static Optional<Predicate<ServiceEntry>> uiServicesQuery(Request request) {
        return request.filter(ConsulShapes.SERVICE_ENTRY)
                .map(filter -> Filters.matching(filter, CatalogJson.ServiceEntryJson::of));
    }

    private static NodeQuery nodeQuery(Request request) {
        String node = name(request, "Missing node name");
        return new NodeQuery(node, request.filter(ConsulShapes.NODE_SERVICE)
                .map(filter -> Filters.matching(filter, CatalogJson.ServiceJson::of)));
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
}
