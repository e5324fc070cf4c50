package io.cairn.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.http.api.HttpException;

/**
 * The Jetty side of the server: checks the body against its route's limit, reads it asynchronously, hands the
 * request to the {@link Dispatcher}, and writes the reply when its future completes. {@code handle} returns at
 * once, so a blocking query that waits ten minutes holds no thread; while a reply is pending a {@link HangupWatch}
 * gives it up as soon as the client hangs up. A streamed reply is handed to a {@link StreamedReply}, which sends
 * its chunks as they come.
 */
final class ApiHandler extends Handler.Abstract {
    /** A request without a body: there is nothing to read, and a length above 0 would be refused. */
    private static final BodyLimit NO_BODY = new BodyLimit(0, null);
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String CONNECTION = "Connection";
    private static final String CLOSE = "close";
    private final Dispatcher dispatcher;
    private final WaitTimer timer;
    private final long bodyTimeoutNanos;
    private final HttpMetrics metrics;

    /** @param bodyTimeoutNanos how long a request body may take to arrive, from the end of the headers */
    ApiHandler(Dispatcher dispatcher, WaitTimer timer, long bodyTimeoutNanos, HttpMetrics metrics) {
        this.dispatcher = dispatcher;
        this.timer = timer;
        this.bodyTimeoutNanos = bodyTimeoutNanos;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpURI uri = request.getHttpURI();
        String method = request.getMethod();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        HangupWatch watch = HangupWatch.of(request, () -> {
            metrics.requestAbandoned();
            LOG.debug("{} {}: the client hung up while its request waited; giving the request up", method,
                    uri.getPath());
            hangUp(request);
        });
        reply.whenComplete((r, failure) -> {
            watch.stop();
            if (failure == null && r.stream() != null) {
                stream(request, response, r, callback);
            } else if (failure == null && refusesUnreadBody(r)) {
                write(response, r, LingeringClose.after(request, timer, callback));
            } else if (failure == null) {
                write(response, r, callback);
            } else if (failure instanceof org.eclipse.jetty.http.HttpException && !clientGone(failure)) {
                // Jetty's parser refused the request (a malformed chunk, say): it answers in plain text.
                callback.failed(failure);
            } else {
                // Nobody is left to answer (client gone, server stopping): no error response, just the end.
                callback.failed(new Abandoned(failure));
            }
        });

        long length = request.getLength();
        boolean hasBody = length > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        BodyLimit limit = hasBody ? dispatcher.bodyLimit(method, uri.getPath()) : NO_BODY;
        if (length > limit.maxBytes()) {
            // Refused from the headers: none of the body is read, and the connection closes after the answer.
            reply.complete(refusal(limit.refusal(length)));
            return true;
        }

        AtomicReference<CompletableFuture<Reply>> dispatched = new AtomicReference<>();
        // A request Jetty gives up on (client gone, connection failed, server stopping) stops its blocking query.
        request.addFailureListener(failure -> {
            reply.completeExceptionally(failure);
            CompletableFuture<Reply> running = dispatched.get();
            if (running != null) {
                running.cancel(false);
            }
        });
        BodyReader.read(request, limit, length, timer, bodyTimeoutNanos).whenComplete((body, failure) -> {
            if (failure != null) {
                bodyFailed(request, failure, reply);
                return;
            }
            CompletableFuture<Reply> running = dispatcher.dispatch(method, uri.getPath(), uri.getQuery(),
                    headers(request.getHeaders()), body);
            dispatched.set(running);
            if (reply.isDone()) {
                running.cancel(false);
            }
            running.whenComplete((r, t) -> {
                if (t == null) {
                    reply.complete(r);
                } else if (reply.isDone() || cancelled(t)) {
                    // Jetty gave up on the request (client gone, server stopping) and the dispatch was cancelled
                    // for it: a blocking query ending so is normal, and nobody is left to answer.
                    LOG.debug("{} {} ended without a reply: {}", method, uri.getPath(), t.toString());
                    reply.completeExceptionally(t);
                } else {
                    reply.complete(dispatcher.failure(t));
                }
            });
            if (!running.isDone()) {
                watch.arm();
            }
        });
        return true;
    }

    /**
     * A body that could not be read: too large or too slow (answered, and the connection closed after a
     * {@link LingeringClose}), malformed (400), or cut off by the client going away (nobody to answer; not worth
     * more than a debug line).
     */
    private void bodyFailed(Request request, Throwable failure, CompletableFuture<Reply> reply) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (reply.isDone() || clientGone(cause) && inputEnded(request)) {
            LOG.debug("{} {}: the client went away while sending the body: {}", request.getMethod(),
                    request.getHttpURI().getPath(), cause.toString());
            reply.completeExceptionally(cause);
        } else if (cause instanceof HttpException refused) {
            reply.complete(refusal(refused));
        } else if (cause instanceof org.eclipse.jetty.http.HttpException malformed) {
            // Jetty's parser reports any error in a body's framing (a bad chunk size, say) as an early end of it.
            String what = clientGone(cause) ? "invalid chunked transfer encoding" : malformed.getReason();
            reply.complete(refusal(new HttpException(400, "Request body could not be read: " + what)));
        } else {
            reply.complete(dispatcher.failure(cause));
        }
    }

    /** Jetty reports a body that ends before its length or last chunk as an {@link EofException}, "Early EOF". */
    private static boolean clientGone(Throwable cause) {
        return cause instanceof IOException
                || cause instanceof org.eclipse.jetty.http.HttpException bad && "Early EOF".equals(bad.getReason());
    }

    /** Whether the client has closed or reset its side: an early end of its body is then its going away. */
    private static boolean inputEnded(Request request) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        return !endPoint.isOpen() || endPoint.isInputShutdown();
    }

    /**
     * An answer to a request whose body was not (fully) read: the connection cannot carry another request, and is
     * closed after a {@link LingeringClose}.
     */
    private Reply refusal(HttpException refused) {
        Reply error = dispatcher.failure(refused);
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put(CONNECTION, CLOSE);
        return new Reply(error.status(), headers, error.contentType(), error.body());
    }

    /** Whether {@code reply} is a {@link #refusal}: no other reply closes the connection. */
    private static boolean refusesUnreadBody(Reply reply) {
        return CLOSE.equals(reply.headers().get(CONNECTION));
    }

    /** Fails the request, which runs its failure listeners, and closes the connection: its client is gone. */
    private static void hangUp(Request request) {
        request.getConnectionMetaData().getConnection().close();
    }

    /** Tells Jetty to end a request without writing an error response: its client is gone. */
    static final class Abandoned extends Request.Handler.AbortException {
        private static final long serialVersionUID = 1L;

        Abandoned(Throwable cause) {
            super(cause);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // thrown for every client that hangs up: the cause says where
            return this;
        }
    }

    private static boolean cancelled(Throwable t) {
        return t instanceof CancellationException
                || t instanceof CompletionException && t.getCause() instanceof CancellationException;
    }

    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    /** Sets the reply's status, headers and content type on the response. */
    private static void head(Response response, Reply reply) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach(headers::put);
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
    }

    /** Sends a streamed reply's headers, then its chunks as they come, until it ends or the client goes away. */
    private static void stream(Request request, Response response, Reply reply, Callback callback) {
        try {
            head(response, reply);
            StreamedReply.send(request, response, callback, reply.stream(), StreamedReply.MAX_QUEUED_CHUNKS, () -> {
                LOG.debug("{} {}: the client of a streamed response hung up", request.getMethod(),
                        request.getHttpURI().getPath());
                hangUp(request);
            });
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    private static void write(Response response, Reply reply, Callback callback) {
        try {
            head(response, reply);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        } catch (RuntimeException e) {
            // The exchange is already broken (e.g. the client went away); let Jetty clean up.
            callback.failed(e);
        }
    }
}
