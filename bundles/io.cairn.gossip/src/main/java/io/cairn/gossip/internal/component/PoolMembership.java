package io.cairn.gossip.internal.component;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.agent.api.Member;
import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.swim.GossipPool;

/** One running {@link GossipPool} as the {@link Membership} service of its pool. */
final class PoolMembership implements Membership {
    private final String pool;
    private final GossipPool gossip;
    private final int defaultPort;

    /** @param defaultPort the port of a join address that names none */
    PoolMembership(String pool, GossipPool gossip, int defaultPort) {
        this.pool = pool;
        this.gossip = gossip;
        this.defaultPort = defaultPort;
    }

    GossipPool gossip() {
        return gossip;
    }

    @Override
    public String pool() {
        return pool;
    }

    @Override
    public Member local() {
        return gossip.local();
    }

    @Override
    public List<Member> members() {
        return gossip.members();
    }

    @Override
    public CompletionStage<Integer> join(List<String> addresses) {
        List<InetSocketAddress> resolved = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String address : addresses) {
            try {
                resolved.add(JoinAddresses.resolve(address, defaultPort));
            } catch (IllegalArgumentException e) {
                unresolved.add(e.getMessage());
            }
        }
        if (resolved.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(unresolved.isEmpty()
                    ? "no address to join" : String.join("; ", unresolved)));
        }
        return gossip.join(resolved);
    }

    @Override
    public CompletionStage<Void> leave(Duration timeout) {
        return gossip.leave(timeout);
    }

    @Override
    public boolean forceLeave(String node, boolean prune) {
        return gossip.forceLeave(node, prune);
    }

    @Override
    public void updateTags(Map<String, String> tags) {
        gossip.updateTags(tags);
    }

    @Override
    public Coordinate coordinate() {
        return gossip.coordinate();
    }

    @Override
    public Optional<Coordinate> coordinate(String node) {
        return gossip.coordinate(node);
    }

    @Override
    public void broadcast(String channel, byte[] payload) {
        gossip.broadcast(channel, payload);
    }

    @Override
    public CompletionStage<Map<String, byte[]>> query(String name, byte[] payload, Duration timeout) {
        return gossip.query(name, payload, timeout);
    }
}
