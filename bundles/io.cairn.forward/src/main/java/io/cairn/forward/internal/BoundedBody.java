package io.cairn.forward.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code limit} bytes. A larger one (announced by its {@code Content-Length}
 * or found while reading) fails with {@link ForwardingException.Reason#ANSWER_TOO_LARGE} and stops the reading, so
 * no server's answer can take more memory than that.
 */
final class BoundedBody implements BodySubscriber<byte[]> {
    private final Server server;
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param announced the {@code Content-Length} of the response, or -1 */
    BoundedBody(Server server, long limit, long announced) {
        this.server = server;
        this.limit = limit;
        if (announced > limit) {
            tooLarge();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                subscription.cancel();
                tooLarge();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    private void tooLarge() {
        body.completeExceptionally(new ForwardingException(ForwardingException.Reason.ANSWER_TOO_LARGE,
                "The answer of server " + server + " is larger than " + limit + " bytes, the most this agent takes",
                null));
    }
}
