package io.cairn.http.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cairn.http.api.Answer;
import io.cairn.http.api.Handler;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;

/**
 * A route table that notes what a subsystem declares and calls its routes the way the HTTP server does, without a
 * server: the request gets the route's method and path, a read is watched before it is answered.
 */
public final class FakeRoutes implements RouteTable {

    private final List<String> declared = new ArrayList<>();
    private final Map<String, StateQuery> reads = new HashMap<>();
    private final Map<String, LocalQuery> localReads = new HashMap<>();
    private final Map<String, Handler> handlers = new HashMap<>();
    private final Map<String, Integer> maxBodies = new HashMap<>();

    /**
     * The routes declared, in order, as {@code "READ /v1/kv/"}, {@code "LOCAL READ /v1/event/list"},
     * {@code "PUT /v1/session/create"}, ....
     */
    public List<String> declared() {
        return List.copyOf(declared);
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
        return handler.handle(address(request.method(method), route)).toCompletableFuture().join();
    }

    /** Runs the read route declared for {@code route} as the server does: watch first, then answer on {@code state}. */
    public Answer read(String route, FakeRequest request, StateView state) {
        StateQuery query = query(route);
        address(request.method("GET"), route);
        query.watch(request);
        return query.answer(request, state);
    }

    /**
     * The records a blocking {@code request} on the read route declared for {@code route} waits on: a change to
     * them makes the server {@linkplain #read answer} again.
     */
    public Watch watch(String route, FakeRequest request) {
        StateQuery query = query(route);
        address(request.method("GET"), route);
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

    @Override
    public RouteTable read(String path, StateQuery query) {
        reads.put(path, query);
        declared.add("READ " + path);
        return this;
    }

    @Override
    public RouteTable localRead(String path, LocalQuery query) {
        localReads.put(path, query);
        declared.add("LOCAL READ " + path);
        return this;
    }

    @Override
    public RouteTable get(String path, Handler handler) {
        return handler("GET", path, handler);
    }

    @Override
    public RouteTable put(String path, Handler handler) {
        return handler("PUT", path, handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, Handler handler) {
        maxBodies.put("PUT " + path, maxBodyBytes);
        return handler("PUT", path, handler);
    }

    @Override
    public RouteTable put(String path, int maxBodyBytes, String setting, Handler handler) {
        return put(path, maxBodyBytes, handler);
    }

    @Override
    public RouteTable post(String path, Handler handler) {
        return handler("POST", path, handler);
    }

    @Override
    public RouteTable post(String path, int maxBodyBytes, Handler handler) {
        maxBodies.put("POST " + path, maxBodyBytes);
        return handler("POST", path, handler);
    }

    @Override
    public RouteTable delete(String path, Handler handler) {
        return handler("DELETE", path, handler);
    }

    private RouteTable handler(String method, String path, Handler handler) {
        handlers.put(method + " " + path, handler);
        declared.add(method + " " + path);
        return this;
    }

    /** A prefix route serves its path plus the argument; any other route only its own path. */
    private static FakeRequest address(FakeRequest request, String route) {
        return request.path(route.endsWith("/") ? route + request.argument() : route);
    }
}
