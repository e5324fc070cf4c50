package io.cairn.http.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: serves every request under {@code /v1/} that no route of any {@link HttpEndpoints} serves,
 * whatever its method, instead of the 404 {@code Invalid URL path}. A client agent's forwarding to the servers is
 * one: the agent answers its own endpoints and hands everything else to a server.
 * <p>
 * The server uses at most one, the one with the highest service ranking. A path some route serves is never
 * given to it, not even for a method that route lacks (that stays a 405). Paths outside {@code /v1/} still answer
 * 404. While the agent starts (see {@link HttpEndpoints}) the request is answered 503 as any other unmatched one:
 * the route that will serve it may not be registered yet. The server does not wait for a fallback to register.
 * <p>
 * The request reaches {@link #handle} as for any route: its body read in full (at most {@link #maxBodyBytes()}
 * bytes, else 413), {@link Request#argument()} empty, and {@link Request#rawPath()}, {@link Request#rawQuery()}
 * and {@link Request#headers()} as the client sent them. Cancelling the returned stage (the server does when the
 * client hangs up) must stop the work it stands for.
 */
@ConsumerType
public interface FallbackHandler extends Handler {

    /** The largest request body this handler accepts, in bytes; a larger one is answered 413 without it. */
    int maxBodyBytes();
}
