package io.cairn.gossip.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * How a gossip pool talks to others: datagrams for probes and gossip, and one-request-one-reply streams for the
 * full-state exchanges (join, push/pull) and for messages too large for a datagram. The real transport is UDP and
 * TCP on the pool's port; tests use an in-memory network; encryption wraps either.
 */
public interface Transport extends AutoCloseable {

    /** Where others reach this transport ({@code advertise address:port}). */
    InetSocketAddress localAddress();

    /** The largest datagram {@link #send} takes, in bytes. */
    int maxPacketBytes();

    /** Sends one datagram, best effort: it may be lost, duplicated or reordered, and nobody is told. */
    void send(InetSocketAddress to, byte[] packet);

    /**
     * Sends one request over a stream and completes with the reply; fails (with {@link IOException}) if the
     * peer cannot be reached, refuses, or does not answer within {@code timeout}.
     */
    CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout);

    /** Starts delivering what arrives to {@code receiver}. Called once, before anything is sent. */
    void start(Receiver receiver) throws IOException;

    @Override
    void close();

    /** What a transport delivers. Called on transport threads; may be called concurrently. */
    interface Receiver {
        /** A datagram arrived. */
        void packet(InetSocketAddress from, byte[] packet);

        /**
         * A stream request arrived; the returned bytes are the reply (an exception closes the stream without one).
         */
        byte[] exchange(InetSocketAddress from, byte[] request) throws IOException;
    }
}
