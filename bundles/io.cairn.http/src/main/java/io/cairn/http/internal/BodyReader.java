package io.cairn.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.io.Content;

import io.cairn.http.api.HttpException;

/** Reads a request body without blocking a thread, refusing bodies above a size limit with 413. */
final class BodyReader implements Runnable {
    private final Content.Source source;
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Content.Source source, int maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    static CompletableFuture<byte[]> read(Content.Source source, int maxBytes) {
        BodyReader reader = new BodyReader(source, maxBytes);
        reader.run();
        return reader.result;
    }

    static HttpException tooLarge(long size, int maxBytes) {
        return new HttpException(413, "Request body" + (size >= 0 ? "(" + size + " bytes)" : "")
                + " too large, max size: " + maxBytes + " bytes");
    }

    /** Reads what is available, then asks to be called again when more arrives. */
    @Override
    public void run() {
        while (true) {
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
            if (bytes.size() + (long) size > maxBytes) {
                chunk.release();
                result.completeExceptionally(tooLarge(-1, maxBytes));
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
