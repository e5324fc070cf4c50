package io.cairn.gossip.internal.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.gossip.internal.clock.VirtualScheduler;
import io.cairn.gossip.internal.transport.Transport;

/**
 * A simulated network of {@link Transport}s on a {@link VirtualScheduler}, for deterministic protocol tests and
 * the simulation benchmark. Datagrams arrive after the link's latency unless lost (per-link loss drawn from a
 * seeded {@link Random}), cut off by a partition, or sent to or from a paused node; stream exchanges are never
 * lost but fail after their timeout across a partition or to a paused node, and at once to an address where
 * nobody listens. Counts the bytes each node sends. Single-threaded, like the scheduler it runs on.
 */
public final class MemoryNetwork {
    /** The datagram size of the simulated transports, as memberlist's UDP buffer. */
    public static final int MAX_PACKET_BYTES = 1400;

    private final VirtualScheduler scheduler;
    private final Random random;
    private final Map<InetSocketAddress, Endpoint> endpoints = new HashMap<>();
    private final Map<Link, Double> linkLoss = new HashMap<>();
    private final Map<Link, Duration> linkLatency = new HashMap<>();
    private final Set<InetSocketAddress> paused = new HashSet<>();
    private final Map<InetSocketAddress, Integer> side = new HashMap<>();
    private double loss;
    private Duration latency = Duration.ofMillis(1);
    private long packetsDropped;

    private record Link(InetSocketAddress from, InetSocketAddress to) {
    }

    private final class Endpoint implements Transport {
        final InetSocketAddress address;
        Receiver receiver;
        boolean closed;
        long bytesSent;

        Endpoint(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public int maxPacketBytes() {
            return MAX_PACKET_BYTES;
        }

        @Override
        public void send(InetSocketAddress to, byte[] packet) {
            if (packet.length > MAX_PACKET_BYTES) {
                throw new IllegalArgumentException("a datagram of " + packet.length + " bytes, at most "
                        + MAX_PACKET_BYTES);
            }
            if (closed) {
                return;
            }
            bytesSent += packet.length;
            if (!connected(address, to) || random.nextDouble() < lossOf(address, to)) {
                packetsDropped++;
                return;
            }
            byte[] copy = packet.clone();
            scheduler.schedule(latencyOf(address, to), () -> {
                Endpoint target = endpoints.get(to);
                if (target != null && target.receiver != null && !target.closed && connected(address, to)) {
                    target.receiver.packet(address, copy);
                } else {
                    packetsDropped++;
                }
            });
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            CompletableFuture<byte[]> reply = new CompletableFuture<>();
            if (closed) {
                reply.completeExceptionally(new IOException("transport closed"));
                return reply;
            }
            bytesSent += request.length;
            Endpoint target = endpoints.get(to);
            if (target == null || target.closed || target.receiver == null) {
                scheduler.schedule(latencyOf(address, to), () -> reply.completeExceptionally(
                        new ConnectException("connection refused by " + to)));
                return reply;
            }
            scheduler.schedule(timeout, () -> reply.completeExceptionally(
                    new SocketTimeoutException("no answer from " + to + " within " + timeout)));
            if (!connected(address, to)) {
                return reply;
            }
            byte[] copy = request.clone();
            Duration oneWay = latencyOf(address, to);
            scheduler.schedule(oneWay, () -> {
                if (target.closed || !connected(address, to)) {
                    return;
                }
                byte[] answer;
                try {
                    answer = target.receiver.exchange(address, copy);
                } catch (IOException | RuntimeException e) {
                    reply.completeExceptionally(new IOException("stream closed by " + to + ": " + e.getMessage(),
                            e));
                    return;
                }
                target.bytesSent += answer.length;
                scheduler.schedule(oneWay, () -> {
                    if (connected(address, to)) {
                        reply.complete(answer);
                    }
                });
            });
            return reply;
        }

        @Override
        public void start(Receiver receiver) {
            this.receiver = Objects.requireNonNull(receiver);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A network whose random losses come from {@code seed}. */
    public MemoryNetwork(VirtualScheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
    }

    /** A new node's transport at {@code address} (each address once, until it is closed). */
    public Transport transport(InetSocketAddress address) {
        Endpoint existing = endpoints.get(address);
        if (existing != null && !existing.closed) {
            throw new IllegalStateException(address + " is in use");
        }
        Endpoint endpoint = new Endpoint(address);
        endpoints.put(address, endpoint);
        return endpoint;
    }

    /** Loses this fraction (0 to 1) of the datagrams on every link without a loss of its own. */
    public void loss(double fraction) {
        loss = fraction(fraction);
    }

    /** Loses this fraction of the datagrams from {@code from} to {@code to}. */
    public void loss(InetSocketAddress from, InetSocketAddress to, double fraction) {
        linkLoss.put(new Link(from, to), fraction(fraction));
    }

    /** The one-way delay of every link without a delay of its own (1 ms unless set). */
    public void latency(Duration delay) {
        latency = delay;
    }

    /** The one-way delay from {@code from} to {@code to}. */
    public void latency(InetSocketAddress from, InetSocketAddress to, Duration delay) {
        linkLatency.put(new Link(from, to), delay);
    }

    /** Nothing reaches or leaves {@code node} (a stopped process, a full GC) until {@link #resume}. */
    public void pause(InetSocketAddress node) {
        paused.add(node);
    }

    public void resume(InetSocketAddress node) {
        paused.remove(node);
    }

    /** Splits the network: nodes on different sides no longer reach each other; unlisted nodes reach all. */
    @SafeVarargs
    public final void partition(Set<InetSocketAddress>... sides) {
        side.clear();
        for (int i = 0; i < sides.length; i++) {
            for (InetSocketAddress node : sides[i]) {
                side.put(node, i);
            }
        }
    }

    /** Ends the partition. */
    public void heal() {
        side.clear();
    }

    /** The bytes {@code node} sent, datagrams and streams. */
    public long bytesSent(InetSocketAddress node) {
        Endpoint endpoint = endpoints.get(node);
        return endpoint == null ? 0 : endpoint.bytesSent;
    }

    /** The bytes every node sent. */
    public long bytesSent() {
        return endpoints.values().stream().mapToLong(e -> e.bytesSent).sum();
    }

    /** The datagrams lost, cut off, or sent where nobody listens. */
    public long packetsDropped() {
        return packetsDropped;
    }

    private boolean connected(InetSocketAddress from, InetSocketAddress to) {
        if (paused.contains(from) || paused.contains(to)) {
            return false;
        }
        Integer fromSide = side.get(from);
        Integer toSide = side.get(to);
        return fromSide == null || toSide == null || fromSide.equals(toSide);
    }

    private double lossOf(InetSocketAddress from, InetSocketAddress to) {
        return linkLoss.getOrDefault(new Link(from, to), loss);
    }

    private Duration latencyOf(InetSocketAddress from, InetSocketAddress to) {
        return linkLatency.getOrDefault(new Link(from, to), latency);
    }

    private static double fraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a loss is a fraction from 0 to 1, not " + fraction);
        }
        return fraction;
    }
}
