package io.cairn.http.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.FallbackHandler;

/**
 * The routes of all registered endpoint services. Each owner's routes come and go together; lookups read an
 * immutable snapshot rebuilt on every change, so matching takes no lock.
 * <p>
 * Matching follows {@link io.cairn.http.api.RouteTable}: an exact path or the longest prefix wins; if that
 * path has no route for the method, the answer lists the methods it does allow. A path under
 * {@value #FALLBACK_PREFIX} that no route has goes to the {@link FallbackHandler}, if one is set. It also holds the
 * {@link DatacenterRouter} that takes requests for other datacenters, if one is set.
 */
final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** The paths a fallback serves; also the route pattern its requests are counted under. */
    static final String FALLBACK_PREFIX = "/v1/";
    /** The order methods are listed in {@code Allow}, as Consul lists them. */
    private static final List<String> METHOD_ORDER = List.of("GET", "PUT", "POST", "DELETE");

    /** The outcome of a lookup. */
    sealed interface Match {
    }

    /** A route serves the request; {@code argument} is the rest of the path after a prefix, else "". */
    record Found(Route route, String argument) implements Match {
    }

    /** The path exists but not for this method; {@code allowed} are its methods in {@code Allow} order. */
    record NotAllowed(List<String> allowed) implements Match {
    }

    /** No route has this path. */
    record NotFound() implements Match {
    }

    /** No route has this path, but the fallback serves it with {@code route}. */
    record Fallback(Route route) implements Match {
    }

    private record Snapshot(Map<String, Map<String, Route>> exact, List<Map.Entry<String, Map<String, Route>>> prefixes) {
    }

    private final Map<Object, List<Route>> byOwner = new LinkedHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());
    private volatile FallbackHandler fallback;
    private volatile DatacenterRouter datacenters;

    /** Adds (or replaces) the routes of {@code owner}. */
    synchronized void add(Object owner, List<Route> routes) {
        byOwner.put(owner, List.copyOf(routes));
        rebuild();
    }

    /** Removes every route of {@code owner}. */
    synchronized void remove(Object owner) {
        if (byOwner.remove(owner) != null) {
            rebuild();
        }
    }

    /** Makes {@code handler} the fallback, replacing any other. */
    synchronized void fallback(FallbackHandler handler) {
        fallback = handler;
    }

    /** Removes {@code handler} as the fallback, unless another has replaced it already. */
    synchronized void removeFallback(FallbackHandler handler) {
        if (fallback == handler) {
            fallback = null;
        }
    }

    /** Makes {@code router} the one that takes requests for other datacenters, replacing any other. */
    synchronized void datacenters(DatacenterRouter router) {
        datacenters = router;
    }

    /** Removes {@code router}, unless another has replaced it already. */
    synchronized void removeDatacenters(DatacenterRouter router) {
        if (datacenters == router) {
            datacenters = null;
        }
    }

    /** The router to other datacenters now, or {@code null} when there is none. */
    DatacenterRouter datacenters() {
        return datacenters;
    }

    Match match(String method, String path) {
        Snapshot s = snapshot;
        Map<String, Route> methods = s.exact.get(path);
        String argument = "";
        if (methods == null) {
            for (Map.Entry<String, Map<String, Route>> prefix : s.prefixes) {
                if (path.startsWith(prefix.getKey())) {
                    methods = prefix.getValue();
                    argument = path.substring(prefix.getKey().length());
                    break;
                }
            }
        }
        if (methods == null) {
            return unrouted(method, path);
        }
        Route route = methods.get(method);
        if (route == null) {
            return new NotAllowed(METHOD_ORDER.stream().filter(methods::containsKey).toList());
        }
        return new Found(route, argument);
    }

    private Match unrouted(String method, String path) {
        FallbackHandler handler = fallback;
        if (handler == null || !path.startsWith(FALLBACK_PREFIX)) {
            return new NotFound();
        }
        return new Fallback(new Route(method, FALLBACK_PREFIX, handler, null, null,
                new BodyLimit(handler.maxBodyBytes(), null), null, null));
    }

    private void rebuild() {
        Map<String, Map<String, Route>> exact = new HashMap<>();
        Map<String, Map<String, Route>> prefixes = new HashMap<>();
        byOwner.forEach((owner, routes) -> {
            for (Route route : routes) {
                Map<String, Route> methods = (route.isPrefix() ? prefixes : exact)
                        .computeIfAbsent(route.path(), p -> new HashMap<>());
                // The first registration keeps a contested route, so a newcomer cannot silently take it over.
                Route previous = methods.putIfAbsent(route.method(), route);
                if (previous != null && previous != route) {
                    LOG.warn("Ignoring duplicate route {} {} from {}", route.method(), route.path(), owner);
                }
            }
        });
        List<Map.Entry<String, Map<String, Route>>> sorted = new ArrayList<>();
        prefixes.forEach((path, methods) -> sorted.add(Map.entry(path, Map.copyOf(methods))));
        sorted.sort(Comparator.comparingInt((Map.Entry<String, Map<String, Route>> e) -> e.getKey().length()).reversed());
        Map<String, Map<String, Route>> frozenExact = new HashMap<>();
        exact.forEach((path, methods) -> frozenExact.put(path, Map.copyOf(methods)));
        snapshot = new Snapshot(Map.copyOf(frozenExact), List.copyOf(sorted));
    }
}
