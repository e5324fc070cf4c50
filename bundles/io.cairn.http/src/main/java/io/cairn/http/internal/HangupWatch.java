package io.cairn.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;

import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client that hangs up while its request waits for an answer (a blocking query, a write waiting for
 * the log), so the wait, its timer and its connection are given up at once rather than when the wait ends.
 * <p>
 * Jetty's HTTP/1.1 connection reads nothing from the socket while a request whose body has been read is being
 * handled (jetty/jetty.project#824), so neither a FIN nor an RST from the client reaches it. Go's server, which
 * Consul runs, keeps reading in the background instead. This does the same on the request's endpoint: it asks the
 * selector to report the socket readable, then reads one byte without blocking. End of stream or a read error
 * means the client is gone ({@code onHangup} runs). A byte means the client pipelined its next request: the watch
 * keeps that byte and stops watching, as Go does, and hands it back to the connection ahead of anything else it
 * reads, before the response is written. A client that half-closes its side after sending the request counts as
 * gone, as it does for Go.
 * <p>
 * The endpoint has one read interest: the connection registers its own only after the response is complete, so
 * the watch must be {@linkplain #stop stopped} before the response is written (Jetty aborts a connection that is
 * still read-interested when a response completes). {@link #arm} after {@link #stop} does nothing. The callbacks
 * run on Jetty's pool (the default, blocking invocation type), never on a selector thread: giving a request up
 * cancels its query and fails it.
 */
final class HangupWatch implements Callback {
    private static final CancellationException STOPPED = new CancellationException("hang-up watch stopped");

    private enum State { IDLE, ARMED, HOLDING, DONE }

    private final AbstractEndPoint endPoint;
    private final HttpConnection connection;
    private final Runnable onHangup;
    private State state = State.IDLE;
    private ByteBuffer readAhead;

    private HangupWatch(AbstractEndPoint endPoint, HttpConnection connection, Runnable onHangup) {
        this.endPoint = endPoint;
        this.connection = connection;
        this.onHangup = onHangup;
    }

    /**
     * A watch on the connection of {@code request}, not yet armed; one that never arms where the request does not
     * come over a plain HTTP/1.1 connection.
     */
    static HangupWatch of(Request request, Runnable onHangup) {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (connection instanceof HttpConnection http && http.getEndPoint() instanceof AbstractEndPoint endPoint) {
            return new HangupWatch(endPoint, http, onHangup);
        }
        HangupWatch inert = new HangupWatch(null, null, onHangup);
        inert.state = State.DONE;
        return inert;
    }

    /** Starts watching, unless stopped already or something else is reading the connection. */
    void arm() {
        boolean gone;
        synchronized (this) {
            if (state != State.IDLE) {
                return;
            }
            state = State.ARMED;
            if (!endPoint.tryFillInterested(this)) {
                state = State.DONE;
                return;
            }
            // closed before the interest was registered: no close event will reach it
            gone = state == State.ARMED && !endPoint.isOpen();
            if (gone) {
                stop();
            }
        }
        if (gone) {
            onHangup.run();
        }
    }

    /**
     * Stops watching: call it before the response is written. Hands any byte of a pipelined request read ahead back
     * to the connection.
     */
    void stop() {
        synchronized (this) {
            State was = state;
            state = State.DONE;
            if (was == State.ARMED) {
                // Withdraws this watch's read interest: nothing else registers one while the request is handled.
                endPoint.getFillInterest().onFail(STOPPED);
            } else if (was == State.HOLDING) {
                connection.onUpgradeTo(readAhead);
                if (readAhead.hasRemaining()) {
                    // The connection's buffer is full of pipelined requests already: the byte cannot go back in
                    // order, and the requests behind it cannot be served. (A client does not pipeline that much.)
                    endPoint.close(new IllegalStateException("no room to give back a pipelined byte"));
                }
                readAhead = null;
            }
        }
    }

    /** The socket is readable: data, end of stream or an error. */
    @Override
    public void succeeded() {
        boolean gone = false;
        synchronized (this) {
            if (state != State.ARMED) {
                return;
            }
            ByteBuffer one = BufferUtil.allocate(1);
            try {
                int read = endPoint.fill(one);
                if (read > 0) {
                    readAhead = one;
                    state = State.HOLDING;
                } else if (read == 0) {
                    // woken without data: keep watching
                    if (!endPoint.tryFillInterested(this)) {
                        state = State.DONE;
                    }
                } else {
                    gone = true;
                }
            } catch (IOException e) {
                gone = true;
            }
            if (gone) {
                state = State.DONE;
            }
        }
        if (gone) {
            onHangup.run();
        }
    }

    /** The endpoint failed or closed under the watch (or the watch was stopped). */
    @Override
    public void failed(Throwable failure) {
        boolean gone;
        synchronized (this) {
            gone = state == State.ARMED;
            state = State.DONE;
        }
        if (gone) {
            onHangup.run();
        }
    }
}
