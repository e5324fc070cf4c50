package io.cairn.http.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a subsystem declares its routes.
 * <p>
 * A path that ends in {@code /} is a prefix: it matches itself and everything below, and the rest of the path
 * (URL-decoded, slashes included) is the request's {@link Request#argument() argument}; {@code /v1/kv/} serves
 * {@code /v1/kv/a/b} with argument {@code a/b}. Any other path matches only exactly. The longest matching
 * path wins. A path that matches with a method that has no route answers 405 with an {@code Allow} header.
 */
@ProviderType
public interface RouteTable {

    /**
     * A GET on the replicated state: the server applies the consistency mode ({@code ?stale},
     * {@code ?consistent}), adds {@code X-Consul-Index} (never 0), {@code X-Consul-KnownLeader} and
     * {@code X-Consul-LastContact}, and holds blocking queries ({@code ?index}, {@code ?wait}).
     */
    RouteTable read(String path, StateQuery query);

    /** A GET answered by the handler alone (agent-local data, no index headers). */
    RouteTable get(String path, Handler handler);

    /** A PUT. */
    RouteTable put(String path, Handler handler);

    /** A POST. */
    RouteTable post(String path, Handler handler);

    /** A DELETE. */
    RouteTable delete(String path, Handler handler);
}
