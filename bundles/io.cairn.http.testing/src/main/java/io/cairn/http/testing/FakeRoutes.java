package io.cairn.http.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cairn.filter.Filter;
import io.cairn.filter.Shape;
import io.cairn.http.api.Answer;
import io.cairn.http.api.ElementFilter;
import io.cairn.http.api.Handler;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/**
 * A route table that notes what a subsystem declares and calls its routes the way the HTTP server does, without a
 * server: the request gets the route's method and path; a route declared {@linkplain #datacenterScoped()
 * datacenter-scoped} refuses a {@code ?dc=} naming another datacenter than the table's with the server's 500; a
 * route that declares its elements' shape parses {@code ?filter=} before anything runs (400 if it is bad) and
 * answers only the elements it matches, filtered by the server's {@link ElementFilter}; a read is watched before it
 * is answered.
 */
public final class FakeRoutes implements RouteTable {

    /** The datacenter of a table made without one. */
    public static final String DEFAULT_DATACENTER = "dc1";

    private final String datacenter;
    /** Whether the routes declared on this table are datacenter-scoped (it is a {@link #datacenterScoped()} view). */
    private final boolean scoped;
    private final List<String> declared;
    private final Map<String, StateQuery> reads;
    private final Map<String, LocalQuery> localReads;
    private final Map<String, Handler> handlers;
    private final Map<String, Integer> maxBodies;
    /** The element shapes declared, by {@code "GET <path>"}. */
    private final Map<String, Shape> shapes;
    /** The datacenter-scoped routes, as {@code "<method> <path>"}. */
    private final Set<String> scopedRoutes;

    /** A table for an agent of datacenter {@value #DEFAULT_DATACENTER}. */
    public FakeRoutes() {
        this(DEFAULT_DATACENTER);
    }

    /** A table for an agent of {@code datacenter}, the one its datacenter-scoped routes serve. */
    public FakeRoutes(String datacenter) {
        this.datacenter = datacenter;
        this.scoped = false;
        this.declared = new ArrayList<>();
        this.reads = new HashMap<>();
        this.localReads = new HashMap<>();
        this.handlers = new HashMap<>();
        this.maxBodies = new HashMap<>();
        this.shapes = new HashMap<>();
        this.scopedRoutes = new HashSet<>();
    }

    /** The datacenter-scoped view of {@code table}: declares into the same routes. */
    private FakeRoutes(FakeRoutes table) {
        this.datacenter = table.datacenter;
        this.scoped = true;
        this.declared = table.declared;
        this.reads = table.reads;
        this.localReads = table.localReads;
        this.handlers = table.handlers;
        this.maxBodies = table.maxBodies;
        this.shapes = table.shapes;
        this.scopedRoutes = table.scopedRoutes;
    }

    /**
     * The routes declared, in order, as {@code "READ /v1/kv/"}, {@code "LOCAL READ /v1/event/list"},
     * {@code "PUT /v1/session/create"}, ....
     */
    public List<String> declared() {
        return List.copyOf(declared);
    }

    /**
     * The shape of the elements the {@code method} route declared for {@code route} filters with {@code ?filter=};
     * empty when it declared none. A read is a {@code GET}.
     */
    public Optional<Shape> elementShape(String method, String route) {
        requireDeclared(method, route);
        return Optional.ofNullable(shapes.get(method + " " + route));
    }

    /**
     * Whether the {@code method} route declared for {@code route} was declared on the
     * {@linkplain #datacenterScoped() datacenter-scoped} table. A read is a {@code GET}.
     */
    public boolean datacenterScoped(String method, String route) {
        requireDeclared(method, route);
        return scopedRoutes.contains(method + " " + route);
    }

    /**
     * The largest body the {@code method} route declared for {@code route} accepts: what it declared, else
     * {@link RouteTable#DEFAULT_MAX_BODY_BYTES}.
     */
    public int maxBody(String method, String route) {
        if (!handlers.containsKey(method + " " + route)) {
            throw new AssertionError("no route " + method + " " + route + " in " + declared);
        }
        return maxBodies.getOrDefault(method + " " + route, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Calls the {@code method} route declared for {@code route} with {@code request} and waits for its response;
     * a handler that fails its stage throws {@link java.util.concurrent.CompletionException}.
     */
    public Response call(String method, String route, FakeRequest request) {
        Handler handler = handlers.get(method + " " + route);
        if (handler == null) {
            throw new AssertionError("no route " + method + " " + route + " in " + declared);
        }
        address(request.method(method), route);
        Optional<Filter> filter = filter(method, route, request);
        Response response = handler.handle(request).toCompletableFuture().join();
        return filter.map(f -> ElementFilter.keepMatching(response, f, FakeRequest.JSON)).orElse(response);
    }

    /**
     * Runs the read route declared for {@code route} as the server does: watch first, then answer on {@code state},
     * with only the elements {@code ?filter=} matches and the index of the whole answer.
     */
    public Answer read(String route, FakeRequest request, StateView state) {
        StateQuery query = query(route);
        address(request.method("GET"), route);
        Optional<Filter> filter = filter("GET", route, request);
        query.watch(request);
        Answer answer = query.answer(request, state);
        return filter.map(f -> new Answer(answer.index(),
                ElementFilter.keepMatching(answer.response(), f, FakeRequest.JSON), answer.ordered(),
                answer.indexSource())).orElse(answer);
    }

    /**
     * The records a blocking {@code request} on the read route declared for {@code route} waits on: a change to
     * them makes the server {@linkplain #read answer} again.
     */
    public Watch watch(String route, FakeRequest request) {
        StateQuery query = query(route);
        address(request.method("GET"), route);
        filter("GET", route, request);
        return query.watch(request);
    }

    /**
     * The records a blocking {@code request} on the read route declared for {@code route} waits on once the server
     * has answered it from {@code state}: those the answer's index comes from when it names them
     * ({@link Answer#indexSource()}), else the query's {@linkplain #watch watch}. The index the server reports
     * must not move without a change to these, or a blocking query would be held after its index passed.
     */
    public Watch waitsOn(String route, FakeRequest request, StateView state) {
        Watch watch = watch(route, request);
        Answer answer = query(route).answer(request, state);
        return answer.indexSource() != null ? answer.indexSource() : watch;
    }

    /** Answers {@code request} once with the local read route declared for {@code route}, as the server does. */
    public Answer answerLocal(String route, FakeRequest request) {
        return localRead(route).answer(address(request.method("GET"), route));
    }

    /** The local read declared for {@code route}, whose change index a blocking request waits on. */
    public LocalQuery localRead(String route) {
        LocalQuery query = localReads.get(route);
        if (query == null) {
            throw new AssertionError("no route LOCAL READ " + route + " in " + declared);
        }
        return query;
    }

    private StateQuery query(String route) {
        StateQuery query = reads.get(route);
        if (query == null) {
            throw new AssertionError("no route READ " + route + " in " + declared);
        }
        return query;
    }

    private void requireDeclared(String method, String route) {
        boolean read = method.equals("GET") && (reads.containsKey(route) || localReads.containsKey(route));
        if (!read && !handlers.containsKey(method + " " + route)) {
            throw new AssertionError("no route " + method + " " + route + " in " + declared);
        }
    }

    @Override
    public RouteTable read(String path, StateQuery query) {
        return read(path, null, query);
    }

    @Override
    public RouteTable read(String path, Shape elements, StateQuery query) {
        reads.put(path, query);
        return declare("READ " + path, "GET " + path, elements);
    }

    @Override
    public RouteTable localRead(String path, LocalQuery query) {
        localReads.put(path, query);
        return declare("LOCAL READ " + path, "GET " + path, null);
    }

    @Override
    public RouteTable get(String path, Handler handler) {
        return get(path, null, handler);
    }

    @Override
    public RouteTable get(String path, Shape elements, Handler handler) {
        return handler("GET", path, elements, handler);
    }

    @Override
    public RouteTable put(String path, Handler handler) {
        return handler("PUT", path, null, handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, Handler handler) {
        maxBodies.put("PUT " + path, maxBodyBytes);
        return handler("PUT", path, null, handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, String setting, Handler handler) {
        return put(path, maxBodyBytes, handler);
    }

    @Override
    public RouteTable post(String path, Handler handler) {
        return handler("POST", path, null, handler);
    }

    @Override
    public RouteTable post(String path, int maxBodyBytes, Handler handler) {
        maxBodies.put("POST " + path, maxBodyBytes);
        return handler("POST", path, null, handler);
    }

    @Override
    public RouteTable delete(String path, Handler handler) {
        return handler("DELETE", path, null, handler);
    }

    @Override
    public RouteTable datacenterScoped() {
        return scoped ? this : new FakeRoutes(this);
    }

    private RouteTable handler(String method, String path, Shape elements, Handler handler) {
        handlers.put(method + " " + path, handler);
        return declare(method + " " + path, method + " " + path, elements);
    }

    /** Notes the route {@code route} ({@code "<method> <path>"}), listed as {@code description}. */
    private RouteTable declare(String description, String route, Shape elements) {
        declared.add(description);
        if (elements != null) {
            shapes.put(route, elements);
        }
        if (scoped) {
            scopedRoutes.add(route);
        }
        return this;
    }

    /**
     * Gives {@code request} the path {@code route} serves it on (a prefix route its path plus the argument, any
     * other route its own path) and refuses it, as the server does, when the route is datacenter-scoped and its
     * {@code ?dc=} names another datacenter.
     */
    private FakeRequest address(FakeRequest request, String route) {
        request.path(route.endsWith("/") ? route + request.argument() : route);
        String dc = request.param("dc").orElse("");
        if (scopedRoutes.contains(request.method() + " " + route) && !dc.isEmpty() && !dc.equals(datacenter)) {
            throw new HttpException(500, NO_PATH_TO_DATACENTER);
        }
        return request;
    }

    /** The request's {@code ?filter=} for the route's declared element shape, parsed as the server parses it. */
    private Optional<Filter> filter(String method, String route, FakeRequest request) {
        Shape shape = shapes.get(method + " " + route);
        return shape == null ? Optional.empty() : request.filter(shape);
    }
}
