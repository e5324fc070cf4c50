package io.cairn.http.api;

import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: takes the requests whose {@code ?dc=} names another datacenter than this agent's, on the
 * {@linkplain RouteTable#datacenterScoped() routes that take one}, and answers them from a server of that
 * datacenter, as Consul forwards them. Without one, such a request is answered 500
 * {@value RouteTable#NO_PATH_TO_DATACENTER}.
 * <p>
 * The server uses at most one, the one with the highest service ranking. The request reaches {@link #forward} as
 * the client sent it ({@link Request#rawPath()}, {@link Request#rawQuery()}, {@link Request#headers()} and the
 * body, read within its route's limit) and nothing has been decided about it here: the token is resolved and the
 * filter applied in the datacenter that answers. Cancelling the returned future (the server does when the client
 * hangs up) must stop the work it stands for, a blocking query held over there included.
 */
@ConsumerType
public interface DatacenterRouter {

    /**
     * The answer of a server of {@code datacenter} to {@code request}, with the headers Consul's clients read.
     * Fails with an {@link HttpException}: 500 {@value RouteTable#NO_PATH_TO_DATACENTER} when no server of that
     * datacenter is known or reachable.
     */
    CompletableFuture<Response> forward(String datacenter, Request request);
}
