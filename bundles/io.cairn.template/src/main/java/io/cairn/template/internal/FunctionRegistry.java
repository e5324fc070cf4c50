package io.cairn.template.internal;

import io.cairn.template.api.TemplateFunction;
import io.cairn.template.lang.GoFunc;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@link TemplateFunction} services by name: per name, the one with the highest {@code service.ranking}
 * (then the lowest {@code service.id}) wins. Services whose name is not a Go identifier are refused.
 */
final class FunctionRegistry {
    private static final Pattern GO_IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    private record Rank(int ranking, long serviceId) {}

    private static final Comparator<Rank> BEST_FIRST = Comparator.comparingInt(Rank::ranking).reversed()
            .thenComparingLong(Rank::serviceId);

    private final Map<String, TreeMap<Rank, TemplateFunction>> byName = new HashMap<>();

    /** Adds a service; false (and nothing added) if its name is missing or not a Go identifier. */
    synchronized boolean add(TemplateFunction function, Map<String, Object> properties) {
        Object name = properties.get(TemplateFunction.NAME);
        if (!(name instanceof String s) || !GO_IDENTIFIER.matcher(s).matches()) {
            return false;
        }
        byName.computeIfAbsent(s, n -> new TreeMap<>(BEST_FIRST)).put(rank(properties), function);
        return true;
    }

    /** Removes a service; false if it was not there. */
    synchronized boolean remove(Map<String, Object> properties) {
        Object name = properties.get(TemplateFunction.NAME);
        TreeMap<Rank, TemplateFunction> ranked = name instanceof String s ? byName.get(s) : null;
        if (ranked == null || ranked.remove(rank(properties)) == null) {
            return false;
        }
        if (ranked.isEmpty()) {
            byName.remove(name);
        }
        return true;
    }

    /** The winning function of each name. */
    synchronized Map<String, GoFunc> current() {
        Map<String, GoFunc> current = new HashMap<>();
        byName.forEach((name, ranked) -> current.put(name, ranked.firstEntry().getValue()));
        return current;
    }

    private static Rank rank(Map<String, Object> properties) {
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        return new Rank(ranking instanceof Integer i ? i : 0, id instanceof Long l ? l : 0L);
    }
}
