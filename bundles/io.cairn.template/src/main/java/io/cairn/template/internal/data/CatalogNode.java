package io.cairn.template.internal.data;

import java.util.List;

/**
 * A node with its services, what {@code node} returns. For a node the catalog does not know, both fields are
 * {@code null} (consul-template returns an empty struct then).
 */
public record CatalogNode(Node Node, List<CatalogNodeService> Services) {
}
