package io.cairn.http.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.filter.Filter;
import io.cairn.filter.FilterException;
import io.cairn.filter.Shape;
import io.cairn.go.lang.GoDuration;
import io.cairn.raft.api.Consistency;

/**
 * The query parameters of a request, read as {@link Request} documents it: the one reading that the HTTP server's
 * requests and the test kit's fake requests both use, so that an endpoint test reads parameters exactly as the
 * server does. A {@link Request} implementation parses the query string into names and values and answers its
 * parameter methods from an instance of this class.
 */
public final class QueryParameters {
    private final Map<String, List<String>> values;

    /**
     * @param values each parameter's values in the order sent, already percent-decoded; a parameter given without a
     *               value has the value {@code ""}. Copied.
     */
    public QueryParameters(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        this.values = copy;
    }

    /** See {@link Request#param}. */
    public Optional<String> param(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** See {@link Request#params}. */
    public List<String> params(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** See {@link Request#flag}: Consul tests these with "is the key present", so any value, even "false", is true. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** See {@link Request#unsignedParam}. */
    public Optional<Long> unsignedParam(String name) {
        return param(name).map(value -> {
            try {
                return Long.parseUnsignedLong(value);
            } catch (NumberFormatException e) {
                throw HttpException.badRequest("Invalid " + name + ": '" + value + "' is not an unsigned integer");
            }
        });
    }

    /**
     * See {@link Request#consistency}. Consul's rules: {@code ?stale}, or a {@code ?max_stale} Go duration above
     * zero, mean stale; with {@code ?consistent} that is a 400, as is a {@code ?max_stale} that is not a duration.
     */
    public Consistency consistency() {
        boolean stale = flag("stale");
        Optional<String> maxStale = param("max_stale").filter(v -> !v.isEmpty());
        if (maxStale.isPresent()) {
            long nanos;
            try {
                nanos = GoDuration.parseNanos(maxStale.get());
            } catch (IllegalArgumentException e) {
                throw HttpException.badRequest("Invalid max stale time");
            }
            stale |= nanos > 0;
        }
        boolean consistent = flag("consistent");
        if (stale && consistent) {
            throw HttpException.badRequest("Cannot specify ?stale with ?consistent, conflicting semantics.");
        }
        return stale ? Consistency.STALE : consistent ? Consistency.CONSISTENT : Consistency.DEFAULT;
    }

    /**
     * See {@link Request#filter}: {@code ?filter=} parsed against {@code shape}; empty when absent or empty, as
     * Consul skips an empty expression; 400 with the parser's message, Consul's text, when it is refused.
     */
    public Optional<Filter> filter(Shape shape) {
        Optional<String> expression = param("filter").filter(value -> !value.isEmpty());
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Filter.parse(expression.get(), shape));
        } catch (FilterException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }
}
