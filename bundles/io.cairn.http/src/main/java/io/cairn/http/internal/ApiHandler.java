package io.cairn.http.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
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
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty side of the server: reads the body asynchronously, hands the request to the {@link Dispatcher},
 * and writes the reply when its future completes. {@code handle} returns at once, so a blocking query that
 * waits ten minutes holds no thread.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private final Dispatcher dispatcher;
    private final int maxBodyBytes;

    ApiHandler(Dispatcher dispatcher, int maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long length = request.getLength();
        if (length > maxBodyBytes) {
            write(response, dispatcher.failure(BodyReader.tooLarge(length, maxBodyBytes)), callback);
            return true;
        }
        HttpURI uri = request.getHttpURI();
        String method = request.getMethod();
        Map<String, List<String>> headers = headers(request.getHeaders());
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Reply>> dispatched = new AtomicReference<>();
        // A request Jetty gives up on (connection failure, server stopping) stops its blocking query.
        request.addFailureListener(failure -> {
            reply.completeExceptionally(failure);
            CompletableFuture<Reply> running = dispatched.get();
            if (running != null) {
                running.cancel(false);
            }
        });
        BodyReader.read(request, maxBodyBytes).whenComplete((body, failure) -> {
            if (failure != null) {
                if (reply.isDone()) {
                    LOG.debug("{} {} ended while its body was read: {}", method, uri.getPath(), failure.toString());
                } else {
                    reply.complete(dispatcher.failure(failure));
                }
                return;
            }
            CompletableFuture<Reply> running = dispatcher.dispatch(method, uri.getPath(), uri.getQuery(), headers, body);
            dispatched.set(running);
            if (reply.isDone()) {
                running.cancel(false);
            }
            running.whenComplete((r, t) -> {
                if (t == null) {
                    reply.complete(r);
                } else if (reply.isDone() || cancelled(t)) {
                    // Jetty gave up on the request (connection failed, server stopping) and the dispatch was
                    // cancelled for it: a blocking query ending so is normal, and nobody is left to answer.
                    LOG.debug("{} {} ended without a reply: {}", method, uri.getPath(), t.toString());
                    reply.completeExceptionally(t);
                } else {
                    reply.complete(dispatcher.failure(t));
                }
            });
        });
        reply.whenComplete((r, failure) -> {
            if (failure == null) {
                write(response, r, callback);
            } else {
                callback.failed(failure);
            }
        });
        return true;
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

    private static void write(Response response, Reply reply, Callback callback) {
        try {
            response.setStatus(reply.status());
            HttpFields.Mutable headers = response.getHeaders();
            reply.headers().forEach(headers::put);
            if (reply.contentType() != null) {
                headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
            }
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        } catch (RuntimeException e) {
            // The exchange is already broken (e.g. the client went away); let Jetty clean up.
            callback.failed(e);
        }
    }
}
