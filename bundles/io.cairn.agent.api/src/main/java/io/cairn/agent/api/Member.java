package io.cairn.agent.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster member as gossip knows it.
 *
 * @param name    the node name
 * @param address the address other members reach it at
 * @param port    its LAN gossip port
 * @param status  its membership status
 * @param tags    what it tells other members about itself, with Consul's keys: {@code role} ({@code consul} for a
 *                server, {@code node} for a client), {@code dc}, {@code port} (server RPC, servers only),
 *                {@code build} ({@code version:revision}), {@code vsn}, {@code vsn_min}, {@code vsn_max},
 *                {@code id} (node UUID), {@code segment}; sorted by key
 */
public record Member(String name, String address, int port, MemberStatus status, Map<String, String> tags) {

    public Member {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** Whether the member is a server, i.e. its {@code role} tag is {@code consul}. */
    public boolean server() {
        return "consul".equals(tags.get("role"));
    }
}
