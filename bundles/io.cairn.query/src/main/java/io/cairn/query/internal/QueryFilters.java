package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.health.api.CheckStatus;
import io.cairn.query.api.QueryService;

/**
 * Which instances a query returns, by Consul's rules: no critical check (node checks included), no warning
 * either with {@code OnlyPassing}, the checks of {@code IgnoreCheckIDs} left out of both; every {@code NodeMeta}
 * and {@code ServiceMeta} pair present; every tag carried and no {@code !tag} carried (case-insensitive).
 */
final class QueryFilters {

    private QueryFilters() {
    }

    static List<ServiceEntry> select(QueryService query, List<ServiceEntry> entries) {
        Set<String> ignored = Set.copyOf(query.ignoreCheckIds());
        List<String> must = new ArrayList<>();
        List<String> mustNot = new ArrayList<>();
        for (String tag : query.tags()) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.startsWith("!")) {
                mustNot.add(lower.substring(1));
            } else {
                must.add(lower);
            }
        }
        return entries.stream()
                .filter(e -> healthy(e.checks(), query.onlyPassing(), ignored))
                .filter(e -> contains(e.node().meta(), query.nodeMeta()))
                .filter(e -> contains(e.service().meta(), query.serviceMeta()))
                .filter(e -> tagsMatch(e.service().tags(), must, mustNot))
                .toList();
    }

    static boolean healthy(List<HealthCheck> checks, boolean onlyPassing, Set<String> ignored) {
        return checks.stream()
                .filter(c -> !ignored.contains(c.checkId()))
                .noneMatch(c -> c.status() == CheckStatus.CRITICAL
                        || (onlyPassing && c.status() == CheckStatus.WARNING));
    }

    private static boolean contains(Map<String, String> actual, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(w -> w.getValue().equals(actual.get(w.getKey())));
    }

    private static boolean tagsMatch(List<String> tags, List<String> must, List<String> mustNot) {
        Set<String> lower = new java.util.HashSet<>();
        tags.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        return lower.containsAll(must) && mustNot.stream().noneMatch(lower::contains);
    }
}
