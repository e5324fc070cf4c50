package io.cairn.forward.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cairn.forward.internal.ForwardingException.Reason;

/**
 * Sends requests to the current server of a {@link ServerPool} and hands back its answers, whatever their status.
 * <p>
 * Nothing waits on a thread: a blocking query held by the server for minutes is one pending future of the
 * {@link HttpClient}. Cancelling the future {@link #send} returned aborts the exchange (the server sees the
 * connection close and gives its blocking query up).
 * <p>
 * Failover: a server that does not answer (connection refused, reset, timed out) or answers 503 (it is starting
 * or stopping) is {@linkplain ServerPool#failed reported}, so the next request goes to the next server. The request
 * itself is sent once more, to that next server, when it cannot have done anything yet: a read (its effect is
 * none), unless it timed out (the client has waited its full time already), and any request that never reached
 * the server (connection refused or not established in time). A write whose connection failed after it was sent,
 * or that got a 503, is not repeated: it may have been applied, and its client decides. A 500 such as
 * {@code No cluster leader} is an answer: every server would give it, so it goes back to the client unchanged.
 * <p>
 * Bounds: at most {@code maxConcurrent} requests at once (more fail at once with 429), and answers of at most
 * {@code maxAnswerBytes}.
 */
final class Upstream implements AutoCloseable {
    private final ServerPool servers;
    private final HttpClient http;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final long maxAnswerBytes;
    private final Set<Exchange> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param http           the client to send with (HTTP/1.1, no redirects, a connect timeout)
     * @param maxConcurrent  the most requests sent or waiting at once
     * @param maxAnswerBytes the largest answer body taken
     */
    Upstream(ServerPool servers, HttpClient http, int maxConcurrent, long maxAnswerBytes) {
        if (maxConcurrent < 1 || maxAnswerBytes < 0) {
            throw new IllegalArgumentException("Invalid forwarding limits: at most " + maxConcurrent
                    + " requests at once (at least 1), answers up to " + maxAnswerBytes + " bytes (at least 0)");
        }
        this.servers = servers;
        this.http = http;
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * Sends {@code request} to the current server, and maybe once more to the next one (see the class comment).
     * Fails with a {@link ForwardingException} when there is no server, no server answered, the answer was too
     * large, or too many requests are under way.
     */
    CompletableFuture<UpstreamReply> send(UpstreamRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(stopping());
        }
        if (!permits.tryAcquire()) {
            return CompletableFuture.failedFuture(new ForwardingException(Reason.BUSY, "Too many requests are"
                    + " being forwarded to the servers at once (at most " + maxConcurrent + "); retry later", null));
        }
        Exchange exchange = new Exchange(request);
        pending.add(exchange);
        exchange.result.whenComplete((reply, failure) -> {
            exchange.freePlace(); // if the caller cancelled it
            exchange.abortAttempt();
        });
        if (closed) {
            exchange.fail(stopping());
        }
        exchange.attempt(true);
        return exchange.result;
    }

    /** Fails every request under way (the agent stops) and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        for (Exchange exchange : pending) {
            exchange.fail(stopping());
        }
    }

    private static ForwardingException stopping() {
        return new ForwardingException(Reason.UNREACHABLE, "The agent is stopping", null);
    }

    /** One request on its way: the attempt under way and the result its caller holds. */
    private final class Exchange {
        private final UpstreamRequest request;
        private final CompletableFuture<UpstreamReply> result = new CompletableFuture<>();
        private final AtomicBoolean holdsPlace = new AtomicBoolean(true);
        private volatile CompletableFuture<HttpResponse<byte[]>> attempt;

        Exchange(UpstreamRequest request) {
            this.request = request;
        }

        /** The request's place is free before its caller hears the answer, so the caller's next request finds it. */
        void succeed(UpstreamReply reply) {
            freePlace();
            result.complete(reply);
        }

        void fail(Throwable failure) {
            freePlace();
            result.completeExceptionally(failure);
        }

        void freePlace() {
            if (holdsPlace.compareAndSet(true, false)) {
                permits.release();
                pending.remove(this);
            }
        }

        void attempt(boolean mayRetry) {
            if (result.isDone()) {
                return;
            }
            Optional<Server> current = servers.current();
            if (current.isEmpty()) {
                fail(ForwardingException.noServers());
                return;
            }
            Server server = current.get();
            CompletableFuture<HttpResponse<byte[]>> sent;
            try {
                sent = http.sendAsync(build(server), info -> new BoundedBody(server, maxAnswerBytes,
                        info.headers().firstValueAsLong("Content-Length").orElse(-1)));
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            attempt = sent;
            if (result.isDone()) {
                // cancelled while this attempt was being started
                sent.cancel(true);
                return;
            }
            sent.whenComplete((response, failure) -> {
                if (failure == null) {
                    answered(server, response, mayRetry);
                } else {
                    failed(server, unwrap(failure), mayRetry);
                }
            });
        }

        void abortAttempt() {
            CompletableFuture<HttpResponse<byte[]>> running = attempt;
            if (running != null && !running.isDone()) {
                running.cancel(true);
            }
        }

        private HttpRequest build(Server server) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(request.pathAndQuery()))
                    .timeout(request.timeout())
                    .method(request.method(), request.body().length == 0 ? BodyPublishers.noBody()
                            : BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            return builder.build();
        }

        private void answered(Server server, HttpResponse<byte[]> response, boolean mayRetry) {
            if (response.statusCode() == 503) {
                servers.failed(server, "answered 503: " + firstLine(response.body()));
                if (mayRetry && request.idempotent() && anotherServerThan(server)) {
                    attempt(false);
                    return;
                }
            }
            succeed(new UpstreamReply(server, response.statusCode(), response.headers(), response.body()));
        }

        private void failed(Server server, Throwable cause, boolean mayRetry) {
            if (result.isDone() || cause instanceof CancellationException) {
                return;
            }
            if (!(cause instanceof IOException)) {
                // the answer was too large, or the request could not be built: the server is not to blame
                fail(cause);
                return;
            }
            boolean neverSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
            boolean timedOut = !neverSent && cause instanceof HttpTimeoutException;
            String reason = describe(cause);
            servers.failed(server, reason);
            if (mayRetry && (neverSent || request.idempotent() && !timedOut) && anotherServerThan(server)) {
                attempt(false);
                return;
            }
            fail(new ForwardingException(Reason.UNREACHABLE,
                    "Failed to reach server " + server + ": " + reason, cause));
        }

        private boolean anotherServerThan(Server server) {
            return servers.current().filter(next -> !next.equals(server)).isPresent();
        }

        private String describe(Throwable cause) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within the connect timeout";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + request.timeout().toSeconds() + " s";
            }
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }

    /** The start of an error text, for the log. */
    private static String firstLine(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
