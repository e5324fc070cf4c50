package io.cairn.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Content;

import io.cairn.http.api.HttpException;

/**
 * Reads a request body without blocking a thread: refuses one above a size limit with 413 as soon as it passes
 * the limit, and one that has not fully arrived within a time limit (counted from the start, not restarted by each
 * byte, so a client trickling its body cannot hold the buffer) with 408. Bytes are buffered only as they arrive,
 * so a declared length costs nothing until it is sent.
 */
final class BodyReader implements Runnable {
    private final Content.Source source;
    private final BodyLimit limit;
    private final ByteArrayOutputStream bytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Content.Source source, BodyLimit limit, long declaredLength) {
        this.source = source;
        this.limit = limit;
        this.bytes = new ByteArrayOutputStream((int) Math.max(32, Math.min(declaredLength, 16 * 1024)));
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when not given
     * @param timeoutNanos   how long the whole body may take to arrive
     */
    static CompletableFuture<byte[]> read(Content.Source source, BodyLimit limit, long declaredLength, WaitTimer timer,
            long timeoutNanos) {
        BodyReader reader = new BodyReader(source, limit, declaredLength);
        reader.run();
        if (!reader.result.isDone()) {
            // most bodies (and every request without one) are read at once: only the others need a timer
            Runnable cancelTimeout = timer.schedule(
                    () -> reader.result.completeExceptionally(timedOut(timeoutNanos)), timeoutNanos);
            reader.result.whenComplete((body, failure) -> cancelTimeout.run());
        }
        return reader.result;
    }

    static HttpException timedOut(long timeoutNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        return new HttpException(408, "Request body not received within "
                + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms") + "; send the whole body at once");
    }

    /** Reads what is available, then asks to be called again when more arrives. */
    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            int size = buffer.remaining();
            if (bytes.size() + (long) size > limit.maxBytes()) {
                chunk.release();
                result.completeExceptionally(limit.refusal(-1));
                return;
            }
            byte[] copy = new byte[size];
            buffer.get(copy);
            bytes.write(copy, 0, size);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }
}
