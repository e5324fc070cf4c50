package io.cairn.event.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A LAN gossip pool in memory: each broadcast reaches every member, its sender included, at once, or, while the
 * pool is {@linkplain #hold() held}, when {@link #release()} is called. Also the agents' log.
 */
final class FakePool {
    private final Map<String, AgentEvents> members = new LinkedHashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    final List<byte[]> broadcasts = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    private boolean holding;

    /** A new agent in the pool, with the given services and IDs. */
    AgentEvents join(String node, Supplier<List<LocalService>> services, Supplier<UUID> ids) {
        AgentEvents agent = new AgentEvents(payload -> broadcast(node, payload), node, services, ids, log::add);
        members.put(node, agent);
        return agent;
    }

    AgentEvents join(String node, List<LocalService> services) {
        return join(node, () -> services, UUID::randomUUID);
    }

    /** Delivers {@code payload} to every member as if {@code origin} had broadcast it. */
    void broadcast(String origin, byte[] payload) {
        broadcasts.add(payload);
        Runnable delivery = () -> members.values().forEach(member -> member.receive(origin, payload));
        if (holding) {
            held.add(delivery);
        } else {
            delivery.run();
        }
    }

    void hold() {
        holding = true;
    }

    /** Delivers what was held, in order, and stops holding. */
    void release() {
        holding = false;
        held.forEach(Runnable::run);
        held.clear();
    }
}
