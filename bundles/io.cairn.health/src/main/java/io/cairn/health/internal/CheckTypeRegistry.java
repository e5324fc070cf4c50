package io.cairn.health.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckType;
import io.cairn.health.api.HealthChecks;

/**
 * The check types on offer, by name, and which one a definition selects (see {@link CheckType}). Several services
 * may offer one name; the highest-ranked one (then the oldest) serves it. TTL is always on offer: its checks are
 * never run, the engine times them itself. Not thread-safe: the scheduler guards it.
 */
final class CheckTypeRegistry {

    /** One {@link CheckType} service with the properties that matter here. */
    record Offer(CheckType type, List<String> fields, int ranking, long serviceId) {
    }

    private static final Comparator<Offer> BEST_FIRST = Comparator.comparingInt(Offer::ranking).reversed()
            .thenComparingLong(Offer::serviceId);
    private static final List<String> TTL_FIELDS = List.of("TTL");

    private final Map<String, List<Offer>> offers = new TreeMap<>();

    /** Adds an offer; returns whether its type name was not on offer before. */
    boolean add(String typeName, Offer offer) {
        List<Offer> list = offers.computeIfAbsent(typeName, name -> new ArrayList<>());
        list.add(offer);
        list.sort(BEST_FIRST);
        return list.size() == 1;
    }

    /** Removes the offer of {@code type}; returns whether its type name is no longer on offer. */
    boolean remove(String typeName, CheckType type) {
        List<Offer> list = offers.get(typeName);
        if (list == null || !list.removeIf(offer -> offer.type() == type)) {
            return false;
        }
        if (list.isEmpty()) {
            offers.remove(typeName);
            return true;
        }
        return false;
    }

    /** The service that runs checks of {@code typeName} now. */
    Optional<CheckType> runner(String typeName) {
        List<Offer> list = offers.get(typeName);
        return list == null ? Optional.empty() : Optional.of(list.get(0).type());
    }

    /** Type names on offer with the fields that select them, {@code ttl} included. */
    Map<String, List<String>> types() {
        Map<String, List<String>> types = new TreeMap<>();
        offers.forEach((name, list) -> types.put(name, list.get(0).fields()));
        types.put(HealthChecks.TTL_TYPE, TTL_FIELDS);
        return types;
    }

    /**
     * The type that runs {@code definition}: among the types whose fields are all set, the one with the most.
     *
     * @throws IllegalArgumentException if none or several equally specific types match
     */
    String select(CheckDefinition definition) {
        Map<String, List<String>> matching = new LinkedHashMap<>();
        types().forEach((name, fields) -> {
            if (!fields.isEmpty() && fields.stream().allMatch(definition::isSet)) {
                matching.put(name, fields);
            }
        });
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("Invalid check: no installed check type accepts it; set the field(s) "
                    + "of one of the installed types: " + describe(types()));
        }
        int most = matching.values().stream().mapToInt(List::size).max().orElseThrow();
        matching.values().removeIf(fields -> fields.size() < most);
        if (matching.size() > 1) {
            throw new IllegalArgumentException("Invalid check: it sets the fields of more than one check type ("
                    + describe(matching) + "); set those of only one");
        }
        return matching.keySet().iterator().next();
    }

    private static String describe(Map<String, List<String>> types) {
        return types.entrySet().stream()
                .map(type -> type.getKey() + " (" + String.join(" + ", type.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
