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
 * One node with its services, for {@code node}: {@code GET /v1/catalog/node/<name>}. {@code node} without a
 * name means the local agent's node, whose name comes from {@link AgentNodeNameQuery} first.
 *
 * @param options {@code ns}, {@code partition}
 */
public record CatalogNodeQuery(String name, String dc, Map<String, String> options) implements ApiDependency {

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.NODE_NAME, QuerySyntax.QUERY,
            QuerySyntax.DC);

    public CatalogNodeQuery {
        options = Map.copyOf(options);
    }

    /**
     * Parses {@code <name>?<query>@<dc>}, or {@code ""} for the local agent's node, whose name the caller
     * fills in with {@link #withName}.
     */
    public static CatalogNodeQuery parse(String s) {
        String label = "catalog.node";
        if (s.isEmpty()) {
            return new CatalogNodeQuery("", "", Map.of());
        }
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        Map<String, String> options = QuerySyntax.options(m, label);
        options.keySet().retainAll(List.of(QuerySyntax.NAMESPACE, QuerySyntax.PARTITION));
        return new CatalogNodeQuery(QuerySyntax.group(m, "name"), QuerySyntax.group(m, "dc"), options);
    }

    /** The same query for the node called {@code node} (used once the local node's name is known). */
    public CatalogNodeQuery withName(String node) {
        return new CatalogNodeQuery(node, dc, options);
    }

    @Override
    public String path() {
        return RequestPath.of("/v1/catalog/node/" + name).param("dc", dc)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .toString();
    }

    /**
     * @return a {@link CatalogNode} with its services sorted by name then ID; both fields {@code null} when the
     *         catalog does not know the node (Consul answers {@code null})
     */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        JsonNode object = ConsulJson.parse(body);
        if (object.isNull()) {
            return new CatalogNode(null, null);
        }
        List<CatalogNodeService> services = new ArrayList<>();
        // Consul returns Services as an object keyed by service ID; node-services returns an array.
        for (JsonNode s : object.path("Services")) {
            services.add(new CatalogNodeService(ConsulJson.text(s, "ID"), ConsulJson.text(s, "Service"),
                    ConsulJson.sortedStrings(s, "Tags"), ConsulJson.stringMap(s, "Meta"),
                    ConsulJson.number(s, "Port"), ConsulJson.text(s, "Address"),
                    ConsulJson.bool(s, "EnableTagOverride")));
        }
        services.sort(Comparator.comparing(CatalogNodeService::Service).thenComparing(CatalogNodeService::ID));
        return new CatalogNode(ConsulJson.node(object.path("Node")), List.copyOf(services));
    }

    @Override
    public String describe() {
        String n = name + Describe.at(dc, options);
        return n.isEmpty() ? "catalog.node" : "catalog.node(" + n + ")";
    }
}
