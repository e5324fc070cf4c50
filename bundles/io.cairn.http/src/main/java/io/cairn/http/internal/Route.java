package io.cairn.http.internal;

import java.util.Objects;

import io.cairn.filter.Shape;
import io.cairn.http.api.Handler;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.StateQuery;

/**
 * One declared route: a method on a path served by a {@link Handler}, or, for reads of the replicated state, by a
 * {@link StateQuery} that the server runs with consistency modes and blocking, or, for blocking reads of the
 * agent's own data, by a {@link LocalQuery}; the largest request body it accepts; the shape of the elements of its
 * answers that {@code ?filter=} selects from ({@code null} when it filters none); and the datacenter it serves
 * ({@code null} when it takes no {@code ?dc=}).
 */
record Route(String method, String path, Handler handler, StateQuery query, LocalQuery localQuery,
        BodyLimit bodyLimit, Shape elements, String datacenter) {

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        if ((handler != null ? 1 : 0) + (query != null ? 1 : 0) + (localQuery != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a route has exactly one of handler, query and local query: " + path);
        }
        Objects.requireNonNull(bodyLimit, "bodyLimit");
    }

    /**
     * Whether the path is a prefix (ends in {@code /}) rather than an exact path. The root {@code /} is exact: as
     * a prefix it would take every path no other route serves, the fallback's included.
     */
    boolean isPrefix() {
        return path.length() > 1 && path.endsWith("/");
    }
}
