package io.cairn.catalog.api;

import java.util.List;
import java.util.Map;

/**
 * An upsert of a node and, optionally, one service instance and checks on it (Consul's catalog register
 * request). Defaults as in Consul: the service ID is the service name, a check ID is the check name, a check
 * without status is critical, checks belong to {@code node}, and a service check's name and tags are taken from
 * its service.
 *
 * @param id              the node's UUID, or {@code ""}
 * @param node            the node name (required)
 * @param address         the node address (required unless {@code skipNodeUpdate})
 * @param taggedAddresses the node's tagged addresses
 * @param nodeMeta        the node's metadata
 * @param service         the instance to create or replace, or {@code null} for none
 * @param checks          the checks to create or replace; a check naming a {@code serviceId} needs that
 *                        instance on the node (in this registration or already registered)
 * @param skipNodeUpdate  leave an existing node's fields untouched, only add the service and checks
 */
public record Registration(String id, String node, String address, Map<String, String> taggedAddresses,
        Map<String, String> nodeMeta, NodeService service, List<HealthCheck> checks, boolean skipNodeUpdate) {

    public Registration {
        id = Values.text(id);
        node = Values.text(node);
        address = Values.text(address);
        taggedAddresses = Values.map(taggedAddresses);
        nodeMeta = Values.map(nodeMeta);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
