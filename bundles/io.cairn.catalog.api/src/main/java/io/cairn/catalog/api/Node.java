package io.cairn.catalog.api;

import java.util.Map;

/**
 * A node of the catalog (Consul's {@code Node}).
 *
 * @param id              the node's UUID, or {@code ""} if it registered without one
 * @param node            the node name, unique in the datacenter
 * @param address         the address services on the node are reached at by default
 * @param datacenter      the datacenter the catalog belongs to
 * @param taggedAddresses extra addresses by purpose ({@code lan}, {@code wan}, ...), values are plain addresses
 * @param meta            the node's metadata
 * @param createIndex     Raft index that created the node
 * @param modifyIndex     Raft index that last changed it
 */
public record Node(String id, String node, String address, String datacenter, Map<String, String> taggedAddresses,
        Map<String, String> meta, long createIndex, long modifyIndex) {

    public Node {
        id = Values.text(id);
        node = Values.text(node);
        address = Values.text(address);
        datacenter = Values.text(datacenter);
        taggedAddresses = Values.map(taggedAddresses);
        meta = Values.map(meta);
    }
}
