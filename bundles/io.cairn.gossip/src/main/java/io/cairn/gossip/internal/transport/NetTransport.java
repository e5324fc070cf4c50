package io.cairn.gossip.internal.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.tcp.BoundedTcpListener;
import io.cairn.tcp.ListenerSettings;
import io.cairn.tcp.ListenerSettings.Conversation;
import io.cairn.tcp.ListenerSettings.WhenFull;
import io.cairn.tcp.Protocol;

/**
 * The real transport: UDP datagrams and TCP streams on one port. Datagrams are received on a thread of their own;
 * one longer than {@link #MAX_PACKET_BYTES} is dropped. Streams ({@link StreamFraming}) are served by a
 * {@link BoundedTcpListener}, bounded for hostile peers by {@link Limits}: so many connections, a total time per
 * exchange, a largest frame; requests are answered on a small pool of their own. Exchanges this side asks for run
 * on a bounded pool ({@link StreamClient}). Binding happens in the constructor, so a port in use fails the
 * caller; {@link #close} frees the port and every thread.
 */
public final class NetTransport implements Transport {

    /** The largest datagram sent or accepted: what fits a 1500-byte MTU with room to spare, as memberlist. */
    public static final int MAX_PACKET_BYTES = 1400;

    /**
     * What a stream may cost this agent.
     *
     * @param maxConnections       how many stream connections peers may hold open at once; when full, the one
     *                             that has waited longest for its request is closed for a new one
     * @param maxFrameBytes        the longest request or reply, in bytes (a push/pull holds every member's state)
     * @param exchangeDeadline     how long a peer may take in total to send its request and take the reply
     * @param maxOutgoingExchanges how many exchanges this side may have running at once (as many more may wait)
     */
    public record Limits(int maxConnections, int maxFrameBytes, Duration exchangeDeadline, int maxOutgoingExchanges) {

        /** 64 connections, 4 MiB frames, 10 s per exchange (memberlist's TCP timeout), 16 outgoing exchanges. */
        public static final Limits DEFAULT = new Limits(64, 4 * 1024 * 1024, Duration.ofSeconds(10), 16);

        public Limits {
            if (maxConnections < 1 || maxFrameBytes < 1 || maxOutgoingExchanges < 1) {
                throw new IllegalArgumentException("Stream limits must be at least 1: " + maxConnections + " connections, "
                        + maxFrameBytes + " bytes, " + maxOutgoingExchanges + " outgoing exchanges");
            }
            if (exchangeDeadline.toMillis() < 1 || exchangeDeadline.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The stream exchange deadline must be at least 1 ms, not "
                        + exchangeDeadline);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NetTransport.class);
    /** When asked for any free port, how many ports to try for one free for both UDP and TCP. */
    private static final int BIND_ATTEMPTS = 10;
    /** Enough to build push/pull states of several peers at once without holding up their connections. */
    private static final int ANSWER_THREADS = 4;
    /** How long receiving pauses after the socket failed for another reason than closing, not to spin. */
    private static final long RECEIVE_PAUSE_MILLIS = 100;

    private final Limits limits;
    private final InetSocketAddress advertised;
    private final DatagramSocket udp;
    private final BoundedTcpListener<StreamRequestFrame> tcp;
    private final ThreadPoolExecutor answering;
    private final StreamClient client;
    private volatile Receiver receiver;
    private volatile Thread receiving;
    private volatile boolean closed;

    /**
     * Binds UDP and TCP on {@code bind} (port 0: any port free for both).
     *
     * @param advertise the address others reach this agent at; with the port bound, {@link #localAddress()}
     * @throws IOException if the port cannot be bound for both, with the address in the message
     */
    public NetTransport(InetSocketAddress bind, InetAddress advertise, Limits limits) throws IOException {
        Objects.requireNonNull(bind, "bind");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (advertise == null || advertise.isAnyLocalAddress()) {
            throw new IllegalArgumentException("The gossip advertise address must be an address others can reach, not "
                    + advertise);
        }
        answering = new ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 30, TimeUnit.SECONDS,
                // ONE_EXCHANGE: at most one request per connection is in flight, so this never overflows while open
                new ArrayBlockingQueue<>(limits.maxConnections()), r -> daemon(r, "cairn-gossip-stream-answer"));
        answering.allowCoreThreadTimeOut(true);
        DatagramSocket boundUdp = null;
        BoundedTcpListener<StreamRequestFrame> boundTcp = null;
        try {
            for (int attempt = 1; boundTcp == null; attempt++) {
                boundUdp = new DatagramSocket(bind);
                try {
                    boundTcp = new BoundedTcpListener<>(new InetSocketAddress(bind.getAddress(), boundUdp.getLocalPort()),
                            settings(limits), streams(), LOG);
                } catch (BindException e) {
                    boundUdp.close();
                    if (bind.getPort() != 0 || attempt == BIND_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (boundUdp != null) {
                boundUdp.close();
            }
            answering.shutdownNow();
            throw new IOException("Cannot bind the gossip port " + bind + " for UDP and TCP: " + e.getMessage(), e);
        }
        udp = boundUdp;
        tcp = boundTcp;
        // by address only: a host name would make logs differ from the addresses datagrams arrive from
        advertised = new InetSocketAddress(InetAddress.getByAddress(advertise.getAddress()), udp.getLocalPort());
        client = new StreamClient(advertised, limits.maxFrameBytes(), limits.maxOutgoingExchanges());
    }

    private static ListenerSettings settings(Limits limits) {
        return new ListenerSettings("gossip stream listener", "cairn-gossip-stream", limits.maxConnections(),
                WhenFull.CLOSE_LONGEST_WAITING, (int) limits.exchangeDeadline().toMillis(), Conversation.ONE_EXCHANGE);
    }

    private Protocol<StreamRequestFrame> streams() {
        return new Protocol<>() {
            @Override
            public StreamRequestFrame newRequest() {
                return new StreamRequestFrame(limits.maxFrameBytes());
            }

            @Override
            public CompletionStage<Optional<ByteBuffer>> answer(StreamRequestFrame request) {
                Receiver r = receiver;
                if (r == null) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
                try {
                    // the receiver may take locks and build a large state: not on the listener's thread
                    return CompletableFuture.supplyAsync(() -> reply(r, request), answering);
                } catch (RejectedExecutionException closing) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
            }
        };
    }

    private Optional<ByteBuffer> reply(Receiver r, StreamRequestFrame request) {
        byte[] reply;
        try {
            reply = r.exchange(request.from(), request.payload());
        } catch (IOException e) {
            LOG.debug("A gossip stream from {} is closed without a reply: {}", request.from(), e.getMessage());
            return Optional.empty();
        }
        if (reply.length > limits.maxFrameBytes()) {
            LOG.error("The reply to a gossip stream from {} is {} bytes, more than the limit of {}; the stream is"
                    + " closed without it", request.from(), reply.length, limits.maxFrameBytes());
            return Optional.empty();
        }
        return Optional.of(StreamFraming.reply(reply));
    }

    @Override
    public InetSocketAddress localAddress() {
        return advertised;
    }

    @Override
    public int maxPacketBytes() {
        return MAX_PACKET_BYTES;
    }

    /** @throws IllegalArgumentException if the packet is longer than {@link #MAX_PACKET_BYTES} */
    @Override
    public void send(InetSocketAddress to, byte[] packet) {
        if (packet.length > MAX_PACKET_BYTES) {
            throw new IllegalArgumentException("A gossip datagram holds at most " + MAX_PACKET_BYTES + " bytes, not "
                    + packet.length);
        }
        try {
            udp.send(new DatagramPacket(packet, packet.length, to));
        } catch (IOException e) {
            LOG.debug("Sending a gossip datagram to {} failed: {}", to, e.toString());
        }
    }

    /**
     * {@inheritDoc} A request longer than the frame limit fails the same way, without being sent.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    @Override
    public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        return client.exchange(to, request, timeout);
    }

    @Override
    public synchronized void start(Receiver receiver) {
        if (this.receiver != null) {
            throw new IllegalStateException("The gossip transport on " + advertised + " has started already");
        }
        if (closed) {
            throw new IllegalStateException("The gossip transport on " + advertised + " is closed");
        }
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        Thread thread = daemon(this::receive, "cairn-gossip-udp");
        receiving = thread;
        thread.start();
    }

    private void receive() {
        // one byte more than the limit: a datagram that fills it was longer (and cut off)
        byte[] buffer = new byte[MAX_PACKET_BYTES + 1];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                udp.receive(datagram);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Receiving gossip datagrams on {} failed ({}); retrying", advertised, e.toString());
                pause();
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            if (datagram.getLength() > MAX_PACKET_BYTES) {
                LOG.debug("Dropped a gossip datagram from {}: longer than {} bytes", from, MAX_PACKET_BYTES);
                continue;
            }
            try {
                receiver.packet(from, Arrays.copyOf(buffer, datagram.getLength()));
            } catch (RuntimeException e) {
                LOG.error("Handling a gossip datagram from {} failed", from, e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECEIVE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            // only close() ends the thread, through the closed flag
        }
    }

    /** Stops receiving, fails the exchanges under way, and frees the port and the threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        udp.close();
        tcp.close();
        client.close();
        answering.shutdownNow();
        Thread thread = receiving;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
