package io.cairn.template.internal.data;

import java.util.Map;

/** A node of the catalog, what {@code nodes} returns and {@code (node).Node} is. */
public record Node(String ID, String Node, String Address, String Datacenter, Map<String, String> TaggedAddresses,
        Map<String, String> Meta) {
}
