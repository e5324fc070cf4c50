package io.cairn.gossip.internal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.cairn.gossip.internal.clock.VirtualScheduler;
import io.cairn.gossip.internal.swim.GossipPool;
import io.cairn.gossip.internal.swim.PoolListener;
import io.cairn.gossip.internal.swim.SwimConfig;

/**
 * Gossip pools on a {@link MemoryNetwork} with a {@link VirtualScheduler}: members on loopback at consecutive
 * ports, each with its own seeded random source, so that a run depends only on the seed.
 */
public final class SimCluster {
    private static final int FIRST_PORT = 10_000;

    private final SwimConfig config;
    private final VirtualScheduler clock = new VirtualScheduler();
    private final MemoryNetwork network;
    private final Random seeds;
    private final Map<String, GossipPool> pools = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();

    public SimCluster(SwimConfig config, long seed) {
        this.config = config;
        this.seeds = new Random(seed);
        this.network = new MemoryNetwork(clock, seeds.nextLong());
    }

    public VirtualScheduler clock() {
        return clock;
    }

    public MemoryNetwork network() {
        return network;
    }

    /** Starts a member (not yet joined to anyone). */
    public GossipPool start(String name, Map<String, String> tags, PoolListener listener) {
        if (FIRST_PORT + addresses.size() > 65_535) {
            throw new IllegalStateException("no loopback port left for another member");
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                FIRST_PORT + addresses.size());
        GossipPool pool = new GossipPool(name, tags, config, network.transport(address), clock,
                new Random(seeds.nextLong()), listener);
        try {
            pool.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pools.put(name, pool);
        addresses.put(name, address);
        return pool;
    }

    /** Every member but the first joins the first, one after another {@code spacing} apart. */
    public void joinAll(Duration spacing) {
        List<GossipPool> members = new ArrayList<>(pools.values());
        InetSocketAddress seed = addresses.values().iterator().next();
        for (GossipPool member : members.subList(1, members.size())) {
            member.join(List.of(seed));
            clock.advance(spacing);
        }
    }

    public GossipPool pool(String name) {
        return pools.get(name);
    }

    public InetSocketAddress address(String name) {
        return addresses.get(name);
    }

    /** The members started, in order. */
    public List<GossipPool> pools() {
        return List.copyOf(pools.values());
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }
}
