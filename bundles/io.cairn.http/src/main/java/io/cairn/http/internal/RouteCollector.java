package io.cairn.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.cairn.filter.Shape;
import io.cairn.http.api.Handler;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;

/**
 * The {@link RouteTable} handed to one {@code HttpEndpoints} service: collects its routes. Its
 * {@linkplain #datacenterScoped datacenter-scoped} view adds to the same routes, each marked with the agent's
 * datacenter.
 */
final class RouteCollector implements RouteTable {
    static final BodyLimit DEFAULT_LIMIT = new BodyLimit(DEFAULT_MAX_BODY_BYTES, null);

    private final List<Route> routes;
    private final String agentDatacenter;
    /** The datacenter the routes declared here serve, {@code null} when they take no {@code ?dc=}. */
    private final String scope;

    /** @param datacenter the agent's datacenter, the one datacenter-scoped routes serve */
    RouteCollector(String datacenter) {
        this(new ArrayList<>(), Objects.requireNonNull(datacenter, "datacenter"), null);
    }

    private RouteCollector(List<Route> routes, String agentDatacenter, String scope) {
        this.routes = routes;
        this.agentDatacenter = agentDatacenter;
        this.scope = scope;
    }

    @Override
    public RouteTable read(String path, StateQuery query) {
        return read(path, null, query);
    }

    @Override
    public RouteTable read(String path, Shape elements, StateQuery query) {
        return add(new Route("GET", path, null, Objects.requireNonNull(query, "query"), null, DEFAULT_LIMIT,
                elements, scope));
    }

    @Override
    public RouteTable localRead(String path, LocalQuery query) {
        return add(new Route("GET", path, null, null, Objects.requireNonNull(query, "query"), DEFAULT_LIMIT, null,
                scope));
    }

    @Override
    public RouteTable get(String path, Handler handler) {
        return get(path, null, handler);
    }

    @Override
    public RouteTable get(String path, Shape elements, Handler handler) {
        return add(new Route("GET", path, Objects.requireNonNull(handler, "handler"), null, null, DEFAULT_LIMIT,
                elements, scope));
    }

    @Override
    public RouteTable put(String path, Handler handler) {
        return add("PUT", path, handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, Handler handler) {
        return add("PUT", path, new BodyLimit(maxBodyBytes, null), handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, String setting, Handler handler) {
        return add("PUT", path, new BodyLimit(maxBodyBytes, Objects.requireNonNull(setting, "setting")), handler);
    }

    @Override
    public RouteTable post(String path, Handler handler) {
        return add("POST", path, handler);
    }

    @Override
    public RouteTable post(String path, int maxBodyBytes, Handler handler) {
        return add("POST", path, new BodyLimit(maxBodyBytes, null), handler);
    }

    @Override
    public RouteTable delete(String path, Handler handler) {
        return add("DELETE", path, handler);
    }

    @Override
    public RouteTable datacenterScoped() {
        return scope != null ? this : new RouteCollector(routes, agentDatacenter, agentDatacenter);
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private RouteTable add(String method, String path, Handler handler) {
        return add(method, path, DEFAULT_LIMIT, handler);
    }

    private RouteTable add(String method, String path, BodyLimit limit, Handler handler) {
        return add(new Route(method, path, Objects.requireNonNull(handler, "handler"), null, null, limit, null,
                scope));
    }

    private RouteTable add(Route route) {
        for (Route existing : routes) {
            if (existing.method().equals(route.method()) && existing.path().equals(route.path())) {
                throw new IllegalArgumentException("duplicate route " + route.method() + " " + route.path());
            }
        }
        routes.add(route);
        return this;
    }
}
