package io.cairn.template.internal.data;

import java.util.List;

/** A service name with the union of its instances' tags (sorted), what {@code services} returns. */
public record CatalogSnippet(String Name, List<String> Tags) {
}
