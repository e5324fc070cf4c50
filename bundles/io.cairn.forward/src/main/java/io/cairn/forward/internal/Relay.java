package io.cairn.forward.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.cairn.health.api.GoDuration;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/**
 * One request sent on to a server unchanged and its answer relayed unchanged, as a client agent forwards to its
 * servers and a server to another datacenter's: the method, the path and query as sent, the body and the
 * {@link #REQUEST_HEADERS headers that matter} go; the status, the body and the {@link #ANSWER_HEADERS headers
 * Consul's clients read} come back. A blocking query is given as long as its {@code ?wait} allows ({@link #heldFor}),
 * and a client that hangs up has the request to the server aborted.
 */
final class Relay {

    /** The request headers sent on: the ACL token in either form and the body's type. */
    static final List<String> REQUEST_HEADERS = List.of("X-Consul-Token", "Authorization", "Content-Type");

    /** The answer headers relayed: Consul's read metadata, and what an error or a raw KV value carries. */
    static final List<String> ANSWER_HEADERS = List.of("X-Consul-Index", "X-Consul-KnownLeader",
            "X-Consul-LastContact", "X-Consul-Effective-Consistency", "X-Consul-Default-ACL-Policy",
            "X-Consul-Results-Filtered-By-ACLs", "X-Consul-Translate-Addresses", "X-Content-Type-Options",
            "Content-Security-Policy", "Allow", "Retry-After");

    /** Consul's default {@code ?wait} of a blocking query. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    /** Consul's longest {@code ?wait}; a longer one is cut to it. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private Relay() {
    }

    /**
     * Sends {@code request} through {@code upstream} with {@code rawQuery} (percent-encoded, empty for none) and
     * {@code body} in place of its own, and completes with the server's answer. Cancelling the returned future
     * aborts the exchange.
     */
    static CompletableFuture<Response> send(Upstream upstream, Request request, String rawQuery, byte[] body) {
        String pathAndQuery = RawUri.path(request.rawPath()) + (rawQuery.isEmpty() ? "" : "?" + RawUri.query(rawQuery));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : REQUEST_HEADERS) {
            List<String> values = request.headers().get(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, values);
            }
        }
        UpstreamRequest forwarded = new UpstreamRequest(request.method(), pathAndQuery, headers, body,
                UpstreamRequest.timeoutFor(heldFor(request)));
        CompletableFuture<UpstreamReply> sent = upstream.send(forwarded);
        CompletableFuture<Response> answer = sent.thenApply(Relay::answer);
        // the HTTP server cancels the answer when the client hangs up: the request to the server goes with it
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                sent.cancel(true);
            }
        });
        return answer;
    }

    /**
     * How long the server may hold the request: nothing unless it is a blocking query ({@code ?index}); then its
     * {@code ?wait}, as Consul bounds it, a missing or unreadable one counting as the default (the server refuses
     * an unreadable one at once). So a server that stopped answering (paused, cut off) holds a plain request for the
     * slack of {@link UpstreamRequest#timeoutFor} only, never for a blocking query's minutes.
     */
    static Duration heldFor(Request request) {
        if (request.param("index").isEmpty()) {
            return Duration.ZERO;
        }
        Duration wait;
        try {
            wait = request.param("wait").map(GoDuration::parse).orElse(DEFAULT_WAIT);
        } catch (IllegalArgumentException e) {
            return DEFAULT_WAIT;
        }
        if (wait.isZero() || wait.isNegative()) {
            return DEFAULT_WAIT;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static Response answer(UpstreamReply reply) {
        Response response = Response.raw(reply.status(), reply.body(),
                reply.headers().firstValue("Content-Type").orElse(null));
        for (String name : ANSWER_HEADERS) {
            reply.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        return response;
    }
}
