package io.cairn.catalog.api;

import java.util.List;
import java.util.Map;

/**
 * A service instance registered on a node (Consul's {@code NodeService} / {@code AgentService}).
 *
 * @param kind              {@code ""} for a typical service; mesh kinds otherwise
 * @param id                the instance's ID, unique on its node
 * @param service           the service name
 * @param tags              the tags, in registration order
 * @param address           the instance address; {@code ""} means "use the node's address"
 * @param taggedAddresses   extra addresses by purpose
 * @param meta              the instance's metadata
 * @param port              the port
 * @param weights           the SRV weights ({@link Weights#DEFAULT} if none were given)
 * @param enableTagOverride whether external agents may change the tags
 * @param createIndex       Raft index that created the instance (ignored in a {@link Registration})
 * @param modifyIndex       Raft index that last changed it (ignored in a {@link Registration})
 */
public record NodeService(String kind, String id, String service, List<String> tags, String address,
        Map<String, ServiceAddress> taggedAddresses, Map<String, String> meta, int port, Weights weights,
        boolean enableTagOverride, long createIndex, long modifyIndex) {

    public NodeService {
        kind = Values.text(kind);
        id = Values.text(id);
        service = Values.text(service);
        tags = Values.list(tags);
        address = Values.text(address);
        taggedAddresses = Values.map(taggedAddresses);
        meta = Values.map(meta);
        weights = weights == null ? Weights.DEFAULT : weights;
    }
}
