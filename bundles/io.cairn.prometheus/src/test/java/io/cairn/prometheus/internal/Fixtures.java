package io.cairn.prometheus.internal;

import java.util.List;
import java.util.Map;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;

final class Fixtures {
    private Fixtures() {
    }

    static Node node(String name, String address) {
        return new Node("", name, address, "dc1", Map.of(), Map.of(), 1, 1);
    }

    static NodeService service(String id, String name, String address, int port, List<String> tags) {
        return new NodeService("", id, name, tags, address, Map.of(), Map.of(), port, Weights.DEFAULT, false, 2, 2);
    }

    static HealthCheck check(String node, String id, String serviceId, CheckStatus status) {
        return new HealthCheck(node, id, id, status, "", "", serviceId, "", List.of(), "ttl", null, 3, 3);
    }

    static ServiceEntry entry(Node node, NodeService service, HealthCheck... checks) {
        return new ServiceEntry(node, service, List.of(checks));
    }
}
