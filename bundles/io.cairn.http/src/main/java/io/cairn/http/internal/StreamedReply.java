package io.cairn.http.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.http.api.BodyStream;
import io.cairn.http.api.StreamSink;

/**
 * One client's streamed body on Jetty: sends the headers, opens the {@link BodyStream}, and writes the chunks it
 * offers one at a time from a queue of at most {@link #MAX_QUEUED_CHUNKS} (a chunk offered to a full queue is
 * dropped and counted). A {@link HangupWatch} watches the connection between writes, so a client that goes away
 * while nothing is written is noticed at once; then, as when a write fails or the server stops, the queue is let
 * go and the sink's close actions run. The watch is stopped before the last write, which ends the response.
 */
final class StreamedReply implements StreamSink {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedReply.class);
    /** The chunks one client may have queued before further ones are dropped: {@value}. */
    static final int MAX_QUEUED_CHUNKS = 1024;

    private final Response response;
    private final Callback callback;
    private final HangupWatch watch;
    private final int capacity;
    private final Pump pump = new Pump();
    private final Deque<ByteBuffer> queue = new ArrayDeque<>();
    private final List<Runnable> closeActions = new ArrayList<>();
    private long dropped;
    /** The producer asked to end the body: the queue drains, then the last write goes out. */
    private boolean closing;
    /** The stream is over: the close actions have run (or are running). */
    private boolean ended;

    private StreamedReply(Response response, Callback callback, HangupWatch watch, int capacity) {
        this.response = response;
        this.callback = callback;
        this.watch = watch;
        this.capacity = capacity;
    }

    /**
     * Sends the headers already set on {@code response}, then opens {@code producer}; {@code callback} completes
     * when the body ends or the exchange fails.
     *
     * @param onHangup what to do when the client goes away between writes (close the connection)
     */
    static void send(Request request, Response response, Callback callback, BodyStream producer, int capacity,
            Runnable onHangup) {
        StreamedReply reply = new StreamedReply(response, callback, HangupWatch.of(request, onHangup), capacity);
        request.addFailureListener(reply.pump::abort);
        response.write(false, BufferUtil.EMPTY_BUFFER, Callback.from(() -> reply.open(producer), reply.pump::abort));
    }

    private void open(BodyStream producer) {
        watch.arm();
        try {
            producer.open(this);
        } catch (RuntimeException e) {
            LOG.warn("A streamed response failed to start", e);
            pump.abort(e);
        }
    }

    @Override
    public boolean offer(byte[] chunk) {
        synchronized (this) {
            if (ended || closing) {
                return false;
            }
            if (queue.size() >= capacity) {
                dropped++;
                return false;
            }
            queue.add(ByteBuffer.wrap(chunk));
        }
        pump.iterate();
        return true;
    }

    @Override
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized boolean isClosed() {
        return ended || closing;
    }

    @Override
    public void onClose(Runnable action) {
        synchronized (this) {
            if (!ended) {
                closeActions.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (ended || closing) {
                return;
            }
            closing = true;
        }
        pump.iterate();
    }

    /** Ends the stream once: lets the queue go and runs the close actions. */
    private void end() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        watch.stop();
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("A streamed response's close action failed", e);
            }
        }
    }

    /** Writes the queued chunks one at a time; idle while the queue is empty. */
    private final class Pump extends IteratingCallback {
        private boolean lastWritten;

        @Override
        protected Action process() {
            ByteBuffer next;
            boolean last = false;
            synchronized (StreamedReply.this) {
                next = queue.poll();
                if (next == null) {
                    if (lastWritten) {
                        return Action.SUCCEEDED;
                    }
                    if (!closing) {
                        return Action.IDLE;
                    }
                    lastWritten = true;
                    last = true;
                    next = BufferUtil.EMPTY_BUFFER;
                }
            }
            if (last) {
                // the connection must not be read-interested when the response completes
                watch.stop();
            }
            response.write(last, next, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            end();
            callback.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            LOG.debug("A streamed response ended: {}", cause.toString());
            end();
            callback.failed(new ApiHandler.Abandoned(cause));
        }
    }
}
