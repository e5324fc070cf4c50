package io.cairn.http.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections with the limits a single client must not get past: at most so many connections per
 * client address ({@link ClientConnectionLimit}), and a request's line and headers must arrive within a time
 * limit counted from their first byte. Jetty's idle timeout restarts with every byte, so without the second a
 * client sending a byte now and then could hold a connection and up to a megabyte of headers for as long as it
 * liked.
 */
final class ApiConnectionFactory extends HttpConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ApiConnectionFactory.class);
    private final ClientConnectionLimit limit;
    private final long headerTimeoutMillis;

    ApiConnectionFactory(HttpConfiguration config, ClientConnectionLimit limit, long headerTimeoutMillis) {
        super(config);
        this.limit = limit;
        this.headerTimeoutMillis = headerTimeoutMillis;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        InetAddress client = endPoint.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? address.getAddress() : null;
        if (!limit.tryAcquire(client)) {
            LOG.debug("Refusing a connection from {}: it holds as many as http_max_conns_per_client allows", client);
            return limit.refusal(endPoint, connector.getExecutor());
        }
        HttpConnection connection = new HeaderDeadlineConnection(getHttpConfiguration(), connector, endPoint,
                headerTimeoutMillis);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                limit.release(client);
            }
        });
        return configure(connection, connector, endPoint);
    }

    /** An HTTP/1.1 connection that closes when a request's line and headers take too long to arrive. */
    static final class HeaderDeadlineConnection extends HttpConnection {
        private static final long NONE = -1;
        private final long timeoutMillis;
        /** The count of requests begun when the deadline for the next one's headers was set; NONE if unset. */
        private final AtomicLong deadlineFor = new AtomicLong(NONE);

        HeaderDeadlineConnection(HttpConfiguration config, Connector connector, EndPoint endPoint, long timeoutMillis) {
            super(config, connector, endPoint);
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void onFillable() {
            super.onFillable();
            // Some of a request's head has arrived but not all of it: its time starts now.
            if (receivingHead() && deadlineFor.compareAndSet(NONE, getMessagesIn())) {
                getConnector().getScheduler().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        private boolean receivingHead() {
            HttpParser.State state = getParser().getState();
            return state.ordinal() > HttpParser.State.START.ordinal()
                    && state.ordinal() < HttpParser.State.CONTENT.ordinal();
        }

        private void expire() {
            long begun = deadlineFor.getAndSet(NONE);
            // Closed only if no request has begun since and one is still arriving (a request being handled, or
            // an idle connection, has its parser past the head or at its start).
            if (begun == getMessagesIn() && receivingHead()) {
                LOG.debug("Closing {}: a request's line and headers did not arrive within {} ms", getEndPoint(),
                        timeoutMillis);
                getEndPoint().close(new TimeoutException("request headers not received within " + timeoutMillis
                        + " ms"));
            }
        }
    }
}
