package io.cairn.agent.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckDefinition;

/** This agent's node, services and checks as catalog records. */
final class CatalogRecords {
    /** The leader's check of every member (from gossip); the agent's anti-entropy leaves it alone. */
    static final String SERF_CHECK_ID = "serfHealth";
    /** The leader's registration of every server's {@code consul} service; anti-entropy leaves it alone too. */
    static final String CONSUL_SERVICE_ID = "consul";

    private CatalogRecords() {
    }

    /** The agent's node: its advertise address doubles as LAN and WAN address, segment is the default one. */
    static Node node(AgentInfo agent) {
        String address = agent.advertiseAddress();
        Map<String, String> tagged = Map.of("lan", address, "lan_ipv4", address, "wan", address, "wan_ipv4", address);
        return new Node(agent.nodeId(), agent.nodeName(), address, agent.datacenter(), tagged,
                Map.of("consul-network-segment", ""), 0, 0);
    }

    static NodeService service(ServiceDefinition s) {
        Map<String, ServiceAddress> tagged = new LinkedHashMap<>();
        s.taggedAddresses().forEach((name, a) -> tagged.put(name, new ServiceAddress(a.address(), a.port())));
        return new NodeService(s.kind(), s.id(), s.name(), s.tags(), s.address(), tagged, s.meta(), s.port(),
                new Weights(s.weights().passing(), s.weights().warning()), s.enableTagOverride(), 0, 0);
    }

    /**
     * A local check as the catalog stores it: of its definition only how it runs (the {@link HealthCheck} keeps
     * {@link io.cairn.catalog.api.CheckDefinitions#recorded}), so it compares equal to what the catalog reads back;
     * service name and tags are the catalog's to fill in.
     */
    static HealthCheck check(String node, LocalCheck check) {
        CheckDefinition d = check.definition();
        return new HealthCheck(node, d.id(), d.name(), check.status(), d.notes(), check.output(), d.serviceId(), "",
                List.of(), check.type(), d, 0, 0);
    }

    /** Go's rendering of a duration for the agent API's {@code Interval}/{@code Timeout} ({@code 10s}, {@code 1m0s}). */
    static String goDuration(Duration duration) {
        return io.cairn.health.api.GoDuration.format(duration);
    }
}
