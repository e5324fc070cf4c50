package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.ratis.protocol.RaftPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.raft.internal.node.RaftNode;
import io.cairn.raft.internal.node.Threads;

/**
 * Finds the other servers and decides how this one enters the Raft group, the way Consul's
 * {@code -bootstrap-expect} and {@code -retry-join} do:
 * <ul>
 * <li>storage that holds the group: restart from it (the group's configuration is in the log);</li>
 * <li>a known server already belongs to a group: join it (as one of its initial members if listed, otherwise
 * by asking the leader to add this server);</li>
 * <li>otherwise, once {@code bootstrapExpect} servers are known: the {@code bootstrapExpect} smallest node names
 * start the group, so that every server picks the same set.</li>
 * </ul>
 * Discovery is the small join exchange of {@link JoinProtocol}, retried every second against the
 * {@code retry-join} addresses and every server learned from them; a gossip membership can replace it.
 */
public final class ClusterFormation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFormation.class);
    /** As in Consul, a join address without a port means the Serf LAN default. */
    public static final int DEFAULT_JOIN_PORT = 8301;

    private final RaftNode node;
    private final int bootstrapExpect;
    private final List<InetSocketAddress> retryJoin;
    private final String joinAddress;
    private final JoinListener listener;
    private final Map<String, ServerRecord> known = new TreeMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Threads.named("cairn-raft-formation"));

    /**
     * Binds the join listener now (so a port conflict fails activation); forming starts with {@link #start}.
     *
     * @param bind          where the join listener listens
     * @param advertiseJoin {@code ip:port} under which other servers reach the join listener
     */
    public ClusterFormation(RaftNode node, int bootstrapExpect, Collection<String> retryJoin,
            InetSocketAddress bind, String advertiseJoin) throws IOException {
        this.node = node;
        this.bootstrapExpect = bootstrapExpect;
        this.retryJoin = retryJoin.stream().filter(s -> !s.isBlank())
                .map(s -> JoinProtocol.address(s, DEFAULT_JOIN_PORT)).toList();
        this.joinAddress = advertiseJoin;
        this.listener = new JoinListener(bind, this::exchange);
    }

    public int joinPort() {
        return listener.port();
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** This server's record, as it tells the others. */
    public ServerRecord self() {
        return new ServerRecord(node.settings().nodeName(), node.settings().raftAddress(), joinAddress,
                node.members().orElse(List.of()));
    }

    private synchronized List<ServerRecord> exchange(List<ServerRecord> theirs) {
        theirs.forEach(r -> merge(r, false));
        return records();
    }

    private synchronized List<ServerRecord> records() {
        List<ServerRecord> all = new ArrayList<>();
        all.add(self());
        known.values().stream().filter(r -> !r.node().equals(node.settings().nodeName())).forEach(all::add);
        return all;
    }

    /** First-hand news replaces what we knew; second-hand news only adds, or tells of a formed group. */
    private void merge(ServerRecord record, boolean firstHand) {
        if (record.node().equals(node.settings().nodeName())) {
            return;
        }
        ServerRecord old = known.get(record.node());
        if (old == null || firstHand || (!old.formed() && record.formed())) {
            known.put(record.node(), record);
        }
    }

    private void tick() {
        try {
            if (node.isRunning() && node.members().isPresent()) {
                return;
            }
            discover();
            decide();
        } catch (Exception e) {
            LOG.warn("Forming the Raft group: {}", e.toString());
            LOG.debug("Forming the Raft group failed", e);
        }
    }

    private void discover() {
        Set<InetSocketAddress> targets = new LinkedHashSet<>(retryJoin);
        synchronized (this) {
            known.values().forEach(r -> targets.add(JoinProtocol.address(r.joinAddress(), DEFAULT_JOIN_PORT)));
        }
        for (InetSocketAddress target : targets) {
            try {
                List<ServerRecord> answer = JoinProtocol.exchange(target, records());
                synchronized (this) {
                    for (int i = 0; i < answer.size(); i++) {
                        merge(answer.get(i), i == 0);
                    }
                }
            } catch (IOException e) {
                LOG.debug("Join attempt to {} failed: {}", target, e.toString());
            }
        }
    }

    private void decide() throws IOException {
        String self = node.settings().nodeName();
        Optional<ServerRecord> formed;
        List<ServerRecord> servers;
        synchronized (this) {
            formed = known.values().stream().filter(ServerRecord::formed).findFirst();
            servers = records();
        }
        if (node.isRunning()) {
            // started without being a member: ask the group to add us
            if (formed.isPresent()) {
                LOG.info("Asking the Raft group to add server {}", self);
                node.requestJoin(peers(formed.get().members(), servers).orElseThrow(
                        () -> new IOException("Addresses of the group's servers are not known yet")));
            }
            return;
        }
        if (node.hasStorage()) {
            node.start(List.of());
        } else if (formed.isPresent()) {
            List<String> members = formed.get().members();
            if (members.contains(self)) {
                Optional<List<RaftPeer>> peers = peers(members, servers);
                if (peers.isPresent()) {
                    node.start(peers.get());
                }
            } else {
                node.start(List.of());
            }
        } else if (bootstrapExpect > 0 && servers.size() >= bootstrapExpect) {
            List<String> chosen = servers.stream().map(ServerRecord::node).sorted().limit(bootstrapExpect).toList();
            if (chosen.contains(self)) {
                LOG.info("{} servers known, bootstrapping the Raft group with {}", servers.size(), chosen);
                node.start(peers(chosen, servers).orElseThrow());
            }
        }
    }

    private static Optional<List<RaftPeer>> peers(List<String> ids, List<ServerRecord> servers) {
        List<RaftPeer> peers = new ArrayList<>();
        for (String id : ids) {
            Optional<ServerRecord> r = servers.stream().filter(s -> s.node().equals(id)).findFirst();
            if (r.isEmpty()) {
                return Optional.empty();
            }
            peers.add(RaftPeer.newBuilder().setId(id).setAddress(r.get().raftAddress()).build());
        }
        return Optional.of(peers);
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        listener.close();
    }
}
