package io.cairn.http.api;

import io.cairn.filter.Shape;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a subsystem declares its routes.
 * <p>
 * A path that ends in {@code /} is a prefix: it matches itself and everything below, and the rest of the path
 * (URL-decoded, slashes included) is the request's {@link Request#argument() argument}; {@code /v1/kv/} serves
 * {@code /v1/kv/a/b} with argument {@code a/b}. Any other path matches only exactly, and so does {@code /} itself
 * (a route for {@code /} serves the root alone, not every path). The longest matching
 * path wins. A path that matches with a method that has no route answers 405 with an {@code Allow} header.
 * <p>
 * Every route has a largest request body it accepts: {@link #DEFAULT_MAX_BODY_BYTES} unless declared with the
 * route. The server answers 413 to a request whose {@code Content-Length} is larger before reading any of it, cuts
 * a chunked body off at the limit with 413, and drops a request whose body has not arrived within a time limit of
 * its own, so a handler never sees a body above its route's limit. Declare a limit only where the endpoint has one
 * of its own that is larger (KV's value size) or much smaller than the default.
 * <p>
 * Two things Consul does for many endpoints are declared with the route and done by the server: filtering an
 * answer's elements with {@code ?filter=} (a route declares the {@link Shape} of its elements), and sending a
 * request whose {@code ?dc=} names another datacenter there (a route declared on the
 * {@linkplain #datacenterScoped datacenter-scoped} table).
 */
@ProviderType
public interface RouteTable {

    /** The largest request body, in bytes, of a route that declares none: {@value}. */
    int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    /**
     * The text of the 500 a {@linkplain #datacenterScoped datacenter-scoped} route answers to a {@code ?dc=} that
     * names another datacenter when no {@link DatacenterRouter} can reach a server there: {@value}, Consul's for a
     * datacenter it has no route to.
     */
    String NO_PATH_TO_DATACENTER = "No path to datacenter";

    /**
     * A GET on the replicated state: the server applies the consistency mode ({@code ?stale},
     * {@code ?consistent}), adds {@code X-Consul-Index} (never 0), {@code X-Consul-KnownLeader} and
     * {@code X-Consul-LastContact}, and holds blocking queries ({@code ?index}, {@code ?wait}).
     */
    RouteTable read(String path, StateQuery query);

    /**
     * As {@link #read(String, StateQuery)}, for a read whose answer Consul filters element by element with
     * {@code ?filter=}: the answer is a JSON array of elements of shape {@code elements}, or a JSON object whose
     * values are. The server parses the expression before anything waits (400 with the parser's message, Consul's
     * text, when it is refused) and sends only the elements that match, in every answer; {@code X-Consul-Index}
     * stays the index of the unfiltered answer, and a blocking query wakes on any change to what it watches, as in
     * Consul. The filtering is {@link ElementFilter}'s.
     */
    RouteTable read(String path, Shape elements, StateQuery query);

    /**
     * A GET on data this agent keeps itself: the server adds {@code X-Consul-Index} (never 0) and holds blocking
     * queries ({@code ?index}, {@code ?wait}) as for {@link #read}, without consistency modes or leader headers and
     * without needing Raft.
     */
    RouteTable localRead(String path, LocalQuery query);

    /** A GET answered by the handler alone (agent-local data, no index headers). */
    RouteTable get(String path, Handler handler);

    /**
     * As {@link #get(String, Handler)}, for an answer Consul filters element by element with {@code ?filter=}: a
     * JSON array of elements of shape {@code elements}, or a JSON object whose values are, filtered by the server as
     * for {@link #read(String, Shape, StateQuery)}.
     */
    RouteTable get(String path, Shape elements, Handler handler);

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

    /**
     * This table for routes that serve this agent's datacenter, Consul's routes that take {@code ?dc=}: a request
     * to one whose {@code ?dc=} names another datacenter goes to the {@link DatacenterRouter} before its handler or
     * query runs here, and is answered 500 {@value #NO_PATH_TO_DATACENTER} when there is none, as Consul answers
     * for a datacenter it has no route to. An empty {@code ?dc=} means this datacenter. The routes declared on the
     * returned table are this table's; it returns itself from every declaration, so a chain of declarations on it
     * stays datacenter-scoped.
     */
    RouteTable datacenterScoped();
}
