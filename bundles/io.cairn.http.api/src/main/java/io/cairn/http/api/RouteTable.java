package io.cairn.http.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a subsystem declares its routes.
 * <p>
 * A path that ends in {@code /} is a prefix: it matches itself and everything below, and the rest of the path
 * (URL-decoded, slashes included) is the request's {@link Request#argument() argument}; {@code /v1/kv/} serves
 * {@code /v1/kv/a/b} with argument {@code a/b}. Any other path matches only exactly. The longest matching
 * path wins. A path that matches with a method that has no route answers 405 with an {@code Allow} header.
 * <p>
 * Every route has a largest request body it accepts: {@link #DEFAULT_MAX_BODY_BYTES} unless declared with the
 * route. The server answers 413 to a request whose {@code Content-Length} is larger before reading any of it, cuts
 * a chunked body off at the limit with 413, and drops a request whose body has not arrived within a time limit of
 * its own, so a handler never sees a body above its route's limit. Declare a limit only where the endpoint has one
 * of its own that is larger (KV's value size) or much smaller than the default.
 */
@ProviderType
public interface RouteTable {

    /** The largest request body, in bytes, of a route that declares none: {@value}. */
    int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    /**
     * A GET on the replicated state: the server applies the consistency mode ({@code ?stale},
     * {@code ?consistent}), adds {@code X-Consul-Index} (never 0), {@code X-Consul-KnownLeader} and
     * {@code X-Consul-LastContact}, and holds blocking queries ({@code ?index}, {@code ?wait}).
     */
    RouteTable read(String path, StateQuery query);

    /**
     * A GET on data this agent keeps itself: the server adds {@code X-Consul-Index} (never 0) and holds blocking
     * queries ({@code ?index}, {@code ?wait}) as for {@link #read}, without consistency modes or leader headers and
     * without needing Raft.
     */
    RouteTable localRead(String path, LocalQuery query);

    /** A GET answered by the handler alone (agent-local data, no index headers). */
    RouteTable get(String path, Handler handler);

    /** A PUT whose body may be up to {@link #DEFAULT_MAX_BODY_BYTES}. */
    RouteTable put(String path, Handler handler);

    /**
     * A PUT whose body may be up to {@code maxBodyBytes}; a larger one is answered 413 {@code Request body(N bytes)
     * too large, max size: M bytes} without reaching the handler.
     */
    RouteTable put(String path, int maxBodyBytes, Handler handler);

    /**
     * As {@link #put(String, int, Handler)}, for a limit the agent setting {@code setting} sets (e.g.
     * {@code kv_max_value_size}): the 413 names it with a link to its documentation, as Consul's does.
     */
    RouteTable put(String path, int maxBodyBytes, String setting, Handler handler);

    /** A POST whose body may be up to {@link #DEFAULT_MAX_BODY_BYTES}. */
    RouteTable post(String path, Handler handler);

    /** A POST whose body may be up to {@code maxBodyBytes}, as {@link #put(String, int, Handler)}. */
    RouteTable post(String path, int maxBodyBytes, Handler handler);

    /** A DELETE. */
    RouteTable delete(String path, Handler handler);
}
