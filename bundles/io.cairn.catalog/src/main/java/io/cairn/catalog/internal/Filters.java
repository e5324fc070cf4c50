package io.cairn.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.filter.Filter;
import io.cairn.health.api.CheckStatus;

/** The query filters of the catalog and health endpoints, and the parsing of their parameters. */
final class Filters {
    /** Turns a value into the JSON tree a {@code ?filter=} expression is evaluated on: the JSON the endpoint sends. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Filters() {
    }

    /**
     * Whether a value matches a {@code ?filter=} expression, evaluated on {@code view}, the JSON element Consul
     * filters, of the value.
     */
    static <T> Predicate<T> matching(Filter filter, Function<T, ?> view) {
        return value -> filter.matches(JSON.valueToTree(view.apply(value)));
    }

    /** Whether {@code meta} has every key of {@code wanted} with exactly its value. */
    static boolean matchesMeta(Map<String, String> meta, Map<String, String> wanted) {
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(meta.get(w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code tags} contains every one of {@code wanted}, compared case-insensitively as Consul does. */
    static boolean hasAllTags(List<String> tags, List<String> wanted) {
        for (String w : wanted) {
            if (tags.stream().noneMatch(t -> t.equalsIgnoreCase(w))) {
                return false;
            }
        }
        return true;
    }

    /** Repeated {@code node-meta=key:value} parameters; split at the first colon, a missing value is empty. */
    static Map<String, String> nodeMeta(List<String> params) {
        Map<String, String> meta = new TreeMap<>();
        for (String param : params) {
            int colon = param.indexOf(':');
            if (colon < 0) {
                meta.put(param, "");
            } else {
                meta.put(param.substring(0, colon), param.substring(colon + 1));
            }
        }
        return meta;
    }

    /**
     * {@code ?passing} is read by value, like Go's {@code strconv.ParseBool}, with a bare {@code ?passing}
     * meaning true: {@code passing=false} (Spring's and Ecwid's default) must not filter.
     */
    static boolean passing(Optional<String> value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get()) {
            case "", "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("Invalid value for ?passing");
        };
    }

    /** The {@code :state} of {@code /v1/health/state/:state}: {@code any} (empty) or a check status. */
    static Optional<CheckStatus> state(String state) {
        if (state.isEmpty()) {
            throw new IllegalArgumentException("Missing check state");
        }
        if (state.equals("any")) {
            return Optional.empty();
        }
        return Optional.of(CheckStatus.parse(state).orElseThrow(() -> new IllegalArgumentException(
                "Invalid check state '" + state.toLowerCase(Locale.ROOT)
                        + "': use any, passing, warning or critical")));
    }
}
