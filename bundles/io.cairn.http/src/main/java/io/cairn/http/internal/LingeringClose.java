package io.cairn.http.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * The lingering close of a connection whose request body was refused before it was all read (413, 408, a malformed
 * body): once the refusal is written, what the client still sends of its body is read and thrown away, up to
 * {@link #MAX_BYTES} and for at most {@link #MAX_NANOS}, and only then may Jetty close the connection. A socket
 * closed with unread input is reset by the kernel, and a client still writing its body then gets "broken pipe" or
 * "connection reset" instead of the answer; with the rest of its body read, it reads the 413 and its message, as
 * the clients of Go's server (and so of Consul) do. The bounds keep a client from holding the connection longer.
 */
final class LingeringClose implements Runnable {
    /** How much of a refused body is read and discarded at most. */
    static final long MAX_BYTES = 16L << 20;
    /** How long after the refusal the connection is kept open at most. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Content.Source body;
    private final Callback done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Runnable cancelTimeout = () -> { };
    private long discarded;

    private LingeringClose(Content.Source body, Callback done) {
        this.body = body;
        this.done = done;
    }

    /**
     * The callback to write a refusal with: when the refusal is written, it discards the rest of {@code body} within
     * the bounds and then completes {@code done}, which lets Jetty close the connection.
     */
    static Callback after(Content.Source body, WaitTimer timer, Callback done) {
        return Callback.from(() -> {
            LingeringClose drain = new LingeringClose(body, done);
            drain.cancelTimeout = timer.schedule(drain::finish, MAX_NANOS);
            drain.run();
        }, done::failed);
    }

    /** Discards what is available, then asks to be called again when more arrives. */
    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = body.read();
            if (chunk == null) {
                body.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // the client went away or the body cannot be parsed: the connection is beyond use, and Jetty must
                // not try to read the rest of the body (as a succeeded callback has it do), only close it
                if (finished.compareAndSet(false, true)) {
                    cancelTimeout.run();
                    done.failed(new ApiHandler.Abandoned(chunk.getFailure()));
                }
                return;
            }
            discarded += chunk.remaining();
            boolean last = chunk.isLast();
            chunk.release();
            if (last || discarded > MAX_BYTES) {
                finish();
            }
        }
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            cancelTimeout.run();
            done.succeeded();
        }
    }
}
