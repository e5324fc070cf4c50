package io.cairn.raft.internal.node;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;
import io.cairn.raft.internal.cluster.ClusterFormation;
import io.cairn.raft.internal.cluster.KnownServer;
import io.cairn.raft.internal.cluster.ServerDirectory;
import io.cairn.raft.internal.machine.HandlerRegistry;
import io.cairn.raft.internal.machine.RaftMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** In-process servers on loopback with real sockets, formed the way agents form them. */
final class TestCluster implements AutoCloseable {

    /** A {@code kv} handler: payload {@code key=value} puts, {@code key} alone deletes. Refuses empty keys. */
    static final CommandHandler KV = new CommandHandler() {
        @Override
        public void validate(byte[] payload) {
            if (payload.length == 0 || payload[0] == '=') {
                throw new IllegalArgumentException("empty key");
            }
        }

        @Override
        public byte[] apply(byte[] payload, StateWriter state) {
            String s = new String(payload, StandardCharsets.UTF_8);
            int eq = s.indexOf('=');
            if (eq < 0) {
                return new byte[] {(byte) (state.delete("kv", s) ? 1 : 0)};
            }
            state.put("kv", s.substring(0, eq), s.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
            return "ok".getBytes(StandardCharsets.UTF_8);
        }
    };

    /** One server: its node, its formation, its handler registry; restartable on the same storage and ports. */
    final class Server {
        final String name;
        final NodeSettings settings;
        final HandlerRegistry handlers = new HandlerRegistry();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RaftNode node;
        ClusterFormation formation;

        Server(String name, NodeSettings settings) {
            this.name = name;
            this.settings = settings;
        }

        void start(boolean withHandler) throws IOException {
            if (withHandler) {
                handlers.add("kv", KV, 0, 1);
            }
            node = new RaftNode(settings, handlers, new RaftMetrics(meters));
            formation = new ClusterFormation(node, settings.bootstrapExpect(), new ServerDirectory() {
                @Override
                public List<KnownServer> servers() {
                    return knownServers();
                }

                @Override
                public void announceFormed() {
                    formed.add(name);
                }
            });
            formation.start();
        }

        void stop() throws InterruptedException {
            formation.close();
            node.close();
            node = null;
        }

        /** Stops the server on another thread and fails if that takes longer than {@code limit} (a hung close). */
        void stopWithin(Duration limit) throws Exception {
            CompletableFuture.runAsync(() -> {
                try {
                    stop();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean running() {
            return node != null;
        }
    }

    final List<Server> servers = new ArrayList<>();
    /** The servers that announced they belong to the group, as gossip would tell it. */
    private final Set<String> formed = ConcurrentHashMap.newKeySet();

    TestCluster(Path dir, int size, long snapshotThreshold, long segmentBytes) throws IOException {
        this(dir, size, snapshotThreshold, segmentBytes, name -> null);
    }

    /** @param tls each server's TLS by its name, {@code null} for plain gRPC */
    TestCluster(Path dir, int size, long snapshotThreshold, long segmentBytes, Function<String, RpcTls> tls)
            throws IOException {
        for (int i = 1; i <= size; i++) {
            int raftPort = freePort();
            String name = "node" + i;
            servers.add(new Server(name, new NodeSettings(name, "dc1", dir.resolve(name), "127.0.0.1", "127.0.0.1",
                    raftPort, snapshotThreshold, segmentBytes, size, tls.apply(name), NodeSettings.DEFAULT_HOLD_TIMEOUT,
                    NodeSettings.DEFAULT_TOMBSTONE_TTL)));
        }
    }

    /** Servers the pool does not list although they run, as gossip would until it hears of them. */
    final Set<String> unheardOf = ConcurrentHashMap.newKeySet();

    /** The running servers as the LAN gossip pool would list them. */
    private List<KnownServer> knownServers() {
        return servers.stream().filter(Server::running).filter(s -> !unheardOf.contains(s.name))
                .map(s -> new KnownServer(s.name, s.settings.raftAddress(), formed.contains(s.name))).toList();
    }

    TestCluster start() throws IOException {
        for (Server s : servers) {
            s.start(true);
        }
        return this;
    }

    Server leader() {
        await(() -> servers.stream().anyMatch(s -> s.running() && s.node.isLeader()), "a leader");
        return servers.stream().filter(s -> s.running() && s.node.isLeader()).findFirst().orElseThrow();
    }

    Server follower() {
        Server leader = leader();
        return servers.stream().filter(s -> s != leader && s.running()).findFirst().orElseThrow();
    }

    /** Asks the leader to hand leadership to another server, as an operator's transfer does; waits for it. */
    void transferLeadership() throws Exception {
        Server from = leader();
        Server to = servers.stream().filter(s -> s != from && s.running()).findFirst().orElseThrow();
        RatisFactory ratis = new RatisFactory(from.settings);
        List<RaftPeer> peers = from.node.configuration().servers().stream()
                .map(s -> ratis.peer(s.id(), s.address())).toList();
        try (RaftClient admin = ratis.client(RaftGroup.valueOf(RaftGroupId.valueOf(from.settings.groupUuid()),
                peers))) {
            RaftClientReply reply = RatisFactory.withBundleLoader(() -> admin.admin()
                    .transferLeadership(RaftPeerId.valueOf(to.name), 10_000));
            if (!reply.isSuccess()) {
                fail("Leadership transfer to " + to.name + " failed: " + reply.getException());
            }
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static Optional<String> value(RaftNode node, String key) {
        return node.state().get("kv", key).map(e -> new String(e.value(), StandardCharsets.UTF_8));
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out for
     * {@code bind(0)} can meanwhile become the local end of an outgoing connection (Raft peers and clients make
     * many), and Ratis ends the JVM when its server cannot bind.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("No free port found between 20000 and 32000");
    }

    @Override
    public void close() throws InterruptedException {
        for (Server s : servers) {
            if (s.running()) {
                s.stop();
            }
        }
    }
}
