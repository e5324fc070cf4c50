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
 * Every service name in the catalog with its tags, for {@code services}: {@code GET /v1/catalog/services}.
 *
 * @param options {@code ns}, {@code partition}
 */
public record CatalogServicesQuery(String dc, Map<String, String> options) implements ApiDependency {

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.QUERY, QuerySyntax.DC);

    public CatalogServicesQuery {
        options = Map.copyOf(options);
    }

    /** Parses {@code ?<query>@<dc>} (all optional). */
    public static CatalogServicesQuery parse(String s) {
        String label = "catalog.services";
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        Map<String, String> options = QuerySyntax.options(m, label);
        options.keySet().retainAll(List.of(QuerySyntax.NAMESPACE, QuerySyntax.PARTITION));
        return new CatalogServicesQuery(QuerySyntax.group(m, "dc"), options);
    }

    @Override
    public String path() {
        return RequestPath.of("/v1/catalog/services").param("dc", dc)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .toString();
    }

    /** @return a {@code List<CatalogSnippet>} sorted by name, tags sorted */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        JsonNode object = ConsulJson.parse(body);
        List<CatalogSnippet> list = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> list.add(new CatalogSnippet(name,
                ConsulJson.sortedStrings(object, name))));
        list.sort(Comparator.comparing(CatalogSnippet::Name));
        return List.copyOf(list);
    }

    @Override
    public String describe() {
        String name = Describe.at(dc, options);
        return name.isEmpty() ? "catalog.services" : "catalog.services(" + name + ")";
    }
}
