package io.cairn.http.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.json.lang.GoJson;
import io.cairn.json.lang.GoJsonException;
import io.cairn.raft.api.Consistency;

/** A parsed request: path and argument already decoded, query parsed, body fully read. */
final class HttpRequest implements Request {
    private final String method;
    private final String path;
    private final String argument;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ObjectMapper mapper;

    /**
     * @param rawPath  the path as sent, still percent-encoded
     * @param rawQuery the query string as sent, or {@code null} for none
     * @param query    {@code rawQuery} parsed
     */
    HttpRequest(String method, String path, String argument, String rawPath, String rawQuery,
            Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body, ObjectMapper mapper) {
        this.method = method;
        this.path = path;
        this.argument = argument;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.query = Map.copyOf(query);
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body;
        this.mapper = mapper;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String argument() {
        return argument;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> params(String name) {
        return List.copyOf(query.getOrDefault(name, List.of()));
    }

    /** Consul tests these with "is the key present", so any value, even "false", means true. */
    @Override
    public boolean flag(String name) {
        return query.containsKey(name);
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return param(name).map(value -> {
            try {
                return Long.parseUnsignedLong(value);
            } catch (NumberFormatException e) {
                throw HttpException.badRequest("Invalid " + name + ": '" + value + "' is not an unsigned integer");
            }
        });
    }

    /** Consul's rules: {@code ?stale} or a positive {@code ?max_stale} mean stale; with {@code ?consistent} it's an error. */
    @Override
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

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return GoJson.decode(mapper, body, type);
        } catch (GoJsonException e) {
            throw HttpException.badRequest("Request decode failed: " + e.getMessage());
        }
    }
}
