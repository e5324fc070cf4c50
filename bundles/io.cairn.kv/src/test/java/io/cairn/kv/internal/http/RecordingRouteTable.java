package io.cairn.kv.internal.http;

import java.util.ArrayList;
import java.util.List;

import io.cairn.http.api.Handler;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;

/** Notes which routes a subsystem declares. */
final class RecordingRouteTable implements RouteTable {

    private final List<String> routes = new ArrayList<>();

    String declared() {
        return String.join(",", routes);
    }

    private RouteTable add(String method, String path) {
        routes.add(method + " " + path);
        return this;
    }

    @Override
    public RouteTable read(String path, StateQuery query) {
        return add("read", path);
    }

    @Override
    public RouteTable get(String path, Handler handler) {
        return add("get", path);
    }

    @Override
    public RouteTable put(String path, Handler handler) {
        return add("put", path);
    }

    @Override
    public RouteTable post(String path, Handler handler) {
        return add("post", path);
    }

    @Override
    public RouteTable delete(String path, Handler handler) {
        return add("delete", path);
    }
}
