package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cairn.raft.internal.node.RaftNode;
import io.cairn.raft.internal.node.Threads;
import org.apache.ratis.protocol.RaftPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how this server enters the Raft group, the way Consul's {@code -bootstrap-expect} does, from the servers
 * the LAN gossip pool knows ({@link ServerDirectory}); checked every second:
 * <ul>
 * <li>storage that holds the group: restart from it (the group's configuration is in the log); if the group,
 * asked through a server that belongs to it, no longer lists this one, also ask to be added back
 * ({@link RaftNode#rejoin}); the same when Ratis closed this server's Raft server while the agent runs (its log
 * could not be written: {@link RaftNode#releaseClosedServer});</li>
 * <li>a known server already belongs to a formed group: start empty and ask that group to add this server;</li>
 * <li>otherwise, once {@code bootstrapExpect} servers are known: the {@code bootstrapExpect} smallest node names
 * start the group, so that every server picks the same set.</li>
 * </ul>
 * Once in a group, the server announces it through gossip, so that servers that come later join instead of
 * bootstrapping a group of their own; the leader adds every alive server of the pool that is not in the group (one
 * that came back after autopilot removed it while it was down), as Consul's leader does.
 */
public final class ClusterFormation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFormation.class);

    private final RaftNode node;
    private final int bootstrapExpect;
    private final ServerDirectory directory;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Threads.named("cairn-raft-formation"));
    /** Only touched on the ticker. */
    private boolean announced;

    public ClusterFormation(RaftNode node, int bootstrapExpect, ServerDirectory directory) {
        this.node = node;
        this.bootstrapExpect = bootstrapExpect;
        this.directory = directory;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            node.releaseClosedServer();
            if (node.isRunning() && node.members().isPresent()) {
                if (!announced) {
                    directory.announceFormed();
                    announced = true;
                }
                List<KnownServer> formed = formedOthers();
                if (node.isRejoining() && !formed.isEmpty()) {
                    node.rejoin(peers(formed));
                }
                if (node.isLeader()) {
                    addMissingServers();
                }
                return;
            }
            decide();
        } catch (Exception e) {
            LOG.warn("Forming the Raft group: {}", e.toString());
            LOG.debug("Forming the Raft group failed", e);
        }
    }

    private void decide() throws IOException {
        String self = node.settings().nodeName();
        List<KnownServer> servers = new ArrayList<>(directory.servers());
        if (servers.stream().noneMatch(s -> s.node().equals(self))) {
            servers.add(new KnownServer(self, node.settings().raftAddress(), false));
        }
        List<KnownServer> formed = formedOthers();
        if (node.isRunning()) {
            // started without being a member: ask the group to add us
            if (!formed.isEmpty()) {
                LOG.info("Asking the Raft group to add server {}", self);
                node.requestJoin(peers(formed));
            }
            return;
        }
        if (node.hasStorage() && !formed.isEmpty()
                && node.listedBy(peers(formed)).equals(Optional.of(false))) {
            LOG.info("The Raft group no longer lists server {} (removed while it was away): asking to be added back",
                    self);
            node.rejoin(peers(formed));
        } else if (node.hasStorage() || !formed.isEmpty()) {
            node.start(List.of());
        } else if (bootstrapExpect > 0 && servers.size() >= bootstrapExpect) {
            List<KnownServer> chosen = servers.stream()
                    .sorted((a, b) -> a.node().compareTo(b.node())).limit(bootstrapExpect).toList();
            if (chosen.stream().anyMatch(s -> s.node().equals(self))) {
                LOG.info("{} servers known, bootstrapping the Raft group with {}", servers.size(),
                        chosen.stream().map(KnownServer::node).toList());
                node.start(peers(chosen));
            }
        }
    }

    /** The other servers of the pool that announced they belong to the group. */
    private List<KnownServer> formedOthers() {
        String self = node.settings().nodeName();
        return directory.servers().stream().filter(s -> s.formed() && !s.node().equals(self)).toList();
    }

    /**
     * On the leader: the alive servers of the pool that are not in the group join it, as Consul's leader adds them:
     * one that autopilot removed while it was down and that is back (a new server asks to join itself).
     */
    private void addMissingServers() throws IOException {
        Set<String> inGroup = new HashSet<>();
        node.configuration().servers().forEach(s -> inGroup.add(s.id()));
        for (KnownServer server : directory.servers()) {
            if (!inGroup.contains(server.node())) {
                LOG.info("Adding server {} ({}) to the Raft group", server.node(), server.raftAddress());
                node.addServer(server.node(), server.raftAddress());
            }
        }
    }

    private static List<RaftPeer> peers(List<KnownServer> servers) {
        return servers.stream().map(s -> RaftPeer.newBuilder().setId(s.node()).setAddress(s.raftAddress()).build())
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
