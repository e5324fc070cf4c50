package io.cairn.template.internal.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.go.lang.GoQuote;

/**
 * The instances of a service with their health, for {@code service} (and {@code connect}):
 * {@code GET /v1/health/service/<name>}. With the default filter ({@code passing} alone) the agent drops
 * unhealthy instances ({@code passing=1}); any other filter fetches every instance and keeps those whose
 * aggregated status is in the filter ({@code any} keeps all).
 *
 * @param filters sorted status filters, {@code [passing]} by default
 * @param options {@code ns}, {@code partition}, {@code peer}, {@code sameness-group}
 * @param connect whether to ask for Connect-capable instances ({@code /v1/health/connect/<name>})
 */
public record HealthServiceQuery(String name, String tag, String dc, String near, List<String> filters,
        Map<String, String> options, boolean connect) implements ApiDependency {

    private static final Pattern SYNTAX = QuerySyntax.pattern(QuerySyntax.TAG, QuerySyntax.SERVICE_NAME,
            QuerySyntax.QUERY, QuerySyntax.DC, QuerySyntax.NEAR, QuerySyntax.FILTER);
    private static final List<String> STATUSES = List.of("any", "passing", "warning", "critical", "maintenance");

    public HealthServiceQuery {
        filters = List.copyOf(filters);
        options = Map.copyOf(options);
    }

    /**
     * Parses {@code <tag>.<name>?<query>@<dc>~<near>|<filter,...>}.
     *
     * @throws IllegalArgumentException with consul-template's message if {@code s} is not of that form
     */
    public static HealthServiceQuery parse(String s, boolean connect) {
        String label = "health.service";
        Matcher m = QuerySyntax.match(SYNTAX, s, label);
        List<String> filters = new ArrayList<>();
        String filter = QuerySyntax.group(m, "filter");
        if (filter.isEmpty()) {
            filters.add("passing");
        } else {
            for (String f : filter.split(",", -1)) {
                f = f.strip();
                if (!f.isEmpty() && !STATUSES.contains(f)) {
                    throw new IllegalArgumentException(label + ": invalid filter: " + GoQuote.quote(f) + " in "
                            + GoQuote.quote(s));
                }
                if (!f.isEmpty()) {
                    filters.add(f);
                }
            }
            Collections.sort(filters);
        }
        Map<String, String> options = QuerySyntax.options(m, label);
        if (!options.getOrDefault(QuerySyntax.SAMENESS_GROUP, "").isEmpty()
                && !options.getOrDefault(QuerySyntax.PEER, "").isEmpty()) {
            throw new IllegalArgumentException(label + ": cannot specify both " + QuerySyntax.PEER + " and "
                    + QuerySyntax.SAMENESS_GROUP);
        }
        return new HealthServiceQuery(QuerySyntax.group(m, "name"), QuerySyntax.group(m, "tag"),
                QuerySyntax.group(m, "dc"), QuerySyntax.group(m, "near"), filters, options, connect);
    }

    /** Whether the agent filters ({@code passing=1}) rather than this query. */
    private boolean passingOnly() {
        return filters.equals(List.of("passing"));
    }

    @Override
    public String path() {
        return RequestPath.of((connect ? "/v1/health/connect/" : "/v1/health/service/") + name)
                .param("dc", dc)
                .param("tag", tag)
                .param("passing", passingOnly() ? "1" : "")
                .param("near", near)
                .param(QuerySyntax.NAMESPACE, options.getOrDefault(QuerySyntax.NAMESPACE, ""))
                .param(QuerySyntax.PARTITION, options.getOrDefault(QuerySyntax.PARTITION, ""))
                .param(QuerySyntax.PEER, options.getOrDefault(QuerySyntax.PEER, ""))
                .param(QuerySyntax.SAMENESS_GROUP, options.getOrDefault(QuerySyntax.SAMENESS_GROUP, ""))
                .toString();
    }

    /** @return the matching instances as a {@code List<HealthService>}, sorted by node then ID unless near */
    @Override
    public Object decode(int status, byte[] body) throws IOException {
        ApiStatus.requireOk(status, this);
        List<HealthService> list = new ArrayList<>();
        for (JsonNode entry : ConsulJson.parseArray(body)) {
            List<HealthCheck> checks = new ArrayList<>();
            JsonNode c = entry.path("Checks");
            if (c.isArray()) {
                c.forEach(check -> checks.add(ConsulJson.check(check)));
            }
            HealthChecks healthChecks = new HealthChecks(checks);
            String aggregated = healthChecks.AggregatedStatus();
            if (!filters.contains(aggregated) && !filters.contains("any")) {
                continue;
            }
            JsonNode node = entry.path("Node");
            JsonNode service = entry.path("Service");
            String address = ConsulJson.text(service, "Address");
            if (address.isEmpty()) {
                address = ConsulJson.text(node, "Address");
            }
            list.add(new HealthService(ConsulJson.text(node, "Node"), ConsulJson.text(node, "ID"),
                    ConsulJson.text(node, "Address"), ConsulJson.stringMap(node, "TaggedAddresses"),
                    ConsulJson.stringMap(node, "Meta"), ConsulJson.stringMap(service, "Meta"), address,
                    ConsulJson.serviceAddresses(service, "TaggedAddresses"), ConsulJson.text(service, "ID"),
                    ConsulJson.text(service, "Service"), ConsulJson.sortedStrings(service, "Tags"), healthChecks,
                    aggregated, ConsulJson.number(service, "Port"), ConsulJson.weights(service, "Weights")));
        }
        if (near.isEmpty()) {
            list.sort(Comparator.comparing(HealthService::Node).thenComparing(HealthService::ID));
        }
        return List.copyOf(list);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!tag.isEmpty()) {
            b.append(tag).append('.');
        }
        b.append(name);
        if (!dc.isEmpty()) {
            b.append('@').append(dc);
        }
        for (String option : List.of(QuerySyntax.PARTITION, QuerySyntax.NAMESPACE, QuerySyntax.PEER,
                QuerySyntax.SAMENESS_GROUP)) {
            String value = options.getOrDefault(option, "");
            if (!value.isEmpty()) {
                b.append('@').append(option).append('=').append(value);
            }
        }
        if (!near.isEmpty()) {
            b.append('~').append(near);
        }
        if (!filters.isEmpty()) {
            b.append('|').append(String.join(",", filters));
        }
        return (connect ? "health.connect(" : "health.service(") + b + ")";
    }
}
