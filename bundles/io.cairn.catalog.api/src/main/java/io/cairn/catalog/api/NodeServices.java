package io.cairn.catalog.api;

import java.util.List;

/**
 * A node with the service instances registered on it.
 *
 * @param node     the node
 * @param services its instances, in ID order
 */
public record NodeServices(Node node, List<NodeService> services) {

    public NodeServices {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
