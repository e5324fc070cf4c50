package io.cairn.template.internal.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every node of the catalog, for {@code nodes}: {@code GET /v1/catalog/nodes}.
 *
 * @param options {@code ns}, {@code partition}
 */
public record CatalogNodesQuery(String dc, String near, Map<String, String> options) implements ApiDependency {

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.QUERY, QuerySyntax.DC, QuerySyntax.NEAR);

    public CatalogNodesQuery {
        options = Map.copyOf(options);
    }

    /** Parses {@code ?<query>@<dc>~<near>} (all optional). */
    public static CatalogNodesQuery parse(String s) {
        String label = "catalog.nodes";
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        Map<String, String> options = QuerySyntax.options(m, label);
        options.keySet().retainAll(List.of(QuerySyntax.NAMESPACE, QuerySyntax.PARTITION));
        return new CatalogNodesQuery(QuerySyntax.group(m, "dc"), QuerySyntax.group(m, "near"), options);
    }

    @Override
    public String path() {
        return RequestPath.of("/v1/catalog/nodes").param("dc", dc).param("near", near)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .toString();
    }

    /** @return a {@code List<Node>}, sorted by name then address unless {@code near} orders it */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        List<Node> list = new ArrayList<>();
        for (JsonNode n : ConsulJson.parseArray(body)) {
            list.add(ConsulJson.node(n));
        }
        if (near.isEmpty()) {
            list.sort(Comparator.comparing(Node::Node).thenComparing(Node::Address));
        }
        return List.copyOf(list);
    }

    @Override
    public String describe() {
        String name = Describe.at(dc, options) + (near.isEmpty() ? "" : "~" + near);
        return name.isEmpty() ? "catalog.nodes" : "catalog.nodes(" + name + ")";
    }
}
