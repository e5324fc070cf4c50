package io.cairn.template.internal.data;

import java.util.List;
import java.util.Map;

/** A service registered on a node, as {@code (node).Services} lists them (sorted by name, then ID). */
public record CatalogNodeService(String ID, String Service, List<String> Tags, Map<String, String> Meta, long Port,
        String Address, boolean EnableTagOverride) {
}
