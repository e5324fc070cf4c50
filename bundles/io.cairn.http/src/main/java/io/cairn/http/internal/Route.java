package io.cairn.http.internal;

import java.util.Objects;

import io.cairn.http.api.Handler;
import io.cairn.http.api.StateQuery;

/**
 * One declared route: a method on a path served either by a {@link Handler} or, for reads of the replicated
 * state, by a {@link StateQuery} that the server runs with consistency modes and blocking; and the largest request
 * body it accepts.
 */
record Route(String method, String path, Handler handler, StateQuery query, int maxBodyBytes) {

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        if ((handler == null) == (query == null)) {
            throw new IllegalArgumentException("a route has exactly one of handler and query: " + path);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("a route's largest body cannot be negative: " + path);
        }
    }

    /** Whether the path is a prefix (ends in {@code /}) rather than an exact path. */
    boolean isPrefix() {
        return path.endsWith("/");
    }
}
