package io.cairn.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/**
 * {@code /v1/coordinate}, in Consul's shapes, with Consul's ACLs: the node list keeps the nodes the token may
 * read, a node's coordinates need {@code node:read} on it and an update {@code node:write}. Reads answer from the replicated {@value CoordinateTable#TABLE}
 * table (blocking on it, with its index); {@code PUT /v1/coordinate/update}, which every agent calls on its own
 * HTTP API now and then (a client agent's request is forwarded to a server), buffers the update in
 * {@link CoordinateUpdates}, which writes the buffered updates in batches.
 * <p>
 * {@code /v1/coordinate/datacenters}, the servers' WAN coordinates, is the gossip bundle's: the WAN pool has them.
 */
final class CoordinateEndpoints {

    /**
     * The largest update body accepted: a coordinate update is a few hundred bytes, and this bounds what the
     * {@link CoordinateUpdates} buffer can hold to a few megabytes.
     */
    static final int MAX_UPDATE_BODY_BYTES = 16 * 1024;

    private static final Watch ALL_COORDINATES = new Watch(CoordinateTable.TABLE, "");

    /** Consul's {@code coordinate.Coordinate}. */
    record CoordJson(@JsonProperty("Vec") List<Double> vec, @JsonProperty("Error") double error,
            @JsonProperty("Adjustment") double adjustment, @JsonProperty("Height") double height) {
    }

    /** Consul's {@code structs.Coordinate}; its {@code Partition} is left out when empty, as it always is here. */
    record NodeCoordJson(@JsonProperty("Node") String node, @JsonProperty("Segment") String segment,
            @JsonProperty("Coord") CoordJson coord) {

        static NodeCoordJson of(StoredCoordinate c) {
            return new NodeCoordJson(c.node(), c.segment(),
                    new CoordJson(c.vec(), c.error(), c.adjustment(), c.height()));
        }
    }

    /** The body of {@code PUT /v1/coordinate/update}, Consul's {@code CoordinateUpdateRequest}. */
    record UpdateBody(@JsonProperty("Datacenter") String datacenter, @JsonProperty("Node") String node,
            @JsonProperty("Segment") String segment, @JsonProperty("Coord") CoordJson coord) {
    }

    private final String datacenter;
    private final CoordinateUpdates updates;

    /**
     * @param datacenter the datacenter this server's catalog serves
     * @param updates    where accepted updates are buffered
     */
    CoordinateEndpoints(String datacenter, CoordinateUpdates updates) {
        this.datacenter = datacenter;
        this.updates = updates;
    }

    void routes(RouteTable table) {
        table.datacenterScoped()
                .read("/v1/coordinate/nodes", read((request, state) -> {
                    CatalogAclFilter acl = new CatalogAclFilter(request.acl());
                    List<NodeCoordJson> readable = inSegment(request, acl.coordinates(CoordinateTable.all(state)));
                    return request.filteredByAcls(Response.json(readable), acl.removedAny());
                }))
                .read("/v1/coordinate/node/", read((request, state) -> {
                    if (!request.acl().nodeRead(request.argument())) {
                        throw request.permissionDenied("node:read", request.argument());
                    }
                    List<NodeCoordJson> found = inSegment(request,
                            CoordinateTable.ofNode(state, request.argument()));
                    return found.isEmpty() ? Response.empty(404) : Response.json(found);
                }))
                .put("/v1/coordinate/update", MAX_UPDATE_BODY_BYTES, this::update);
    }

    /** Validates the update now, so the agent hears of a bad one; applied with the next batch. */
    private CompletionStage<Response> update(Request request) {
        UpdateBody body = Optional.ofNullable(request.body(UpdateBody.class))
                .orElse(new UpdateBody(null, null, null, null));
        // a ?dc= (the server refuses another datacenter's) wins over the body's, as in Consul
        if (request.param("dc").filter(dc -> !dc.isEmpty()).isEmpty()) {
            Requests.requireOwnDatacenter(datacenter, body.datacenter());
        }
        CoordJson coord = body.coord();
        if (coord == null) {
            throw HttpException.badRequest("invalid coordinate: the body needs a Coord object with Vec, Error, "
                    + "Adjustment and Height");
        }
        StoredCoordinate update = new StoredCoordinate(body.node(),
                body.segment() == null ? "" : body.segment(), coord.vec(), coord.error(), coord.adjustment(),
                coord.height());
        Requests.badRequestOnIllegalArgument(() -> {
            update.validate();
            return update;
        });
        if (!request.acl().nodeWrite(update.node())) {
            throw request.permissionDenied("node:write", update.node());
        }
        updates.offer(update);
        return CompletableFuture.completedFuture(Response.ok());
    }

    /** A read of the coordinate table, for this datacenter only. */
    private StateQuery read(BiFunction<Request, StateView, Response> answer) {
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                return ALL_COORDINATES;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(CoordinateTable.index(state), answer.apply(request, state));
            }
        };
    }

    /** Consul's {@code ?segment} filter: with the parameter, only that segment's coordinates (empty value too). */
    private static List<NodeCoordJson> inSegment(Request request, List<StoredCoordinate> coordinates) {
        Optional<String> segment = request.param("segment");
        return coordinates.stream()
                .filter(c -> segment.map(c.segment()::equals).orElse(true))
                .map(NodeCoordJson::of)
                .toList();
    }
}
