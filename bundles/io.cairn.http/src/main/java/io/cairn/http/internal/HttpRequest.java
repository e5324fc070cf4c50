package io.cairn.http.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.ResolvedToken;
import io.cairn.filter.Filter;
import io.cairn.filter.Shape;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.QueryParameters;
import io.cairn.http.api.Request;
import io.cairn.json.lang.GoJson;
import io.cairn.json.lang.GoJsonException;
import io.cairn.raft.api.Consistency;

/**
 * A parsed request: path and argument already decoded, query parsed and read as {@link QueryParameters}, body fully
 * read. Its {@code ?filter=} is parsed once per shape asked for, however often a blocking query answers again.
 */
final class HttpRequest implements Request {
    private final String method;
    private final String path;
    private final String argument;
    private final String rawPath;
    private final String rawQuery;
    private final QueryParameters query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ObjectMapper mapper;
    private final Map<Shape, Optional<Filter>> filters = new ConcurrentHashMap<>();
    private volatile ResolvedToken token;

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
        this.query = new QueryParameters(query);
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body;
        this.mapper = mapper;
    }

    /** Sets the token the request runs as, once it is resolved and before the handler runs. */
    void token(ResolvedToken resolved) {
        token = resolved;
    }

    @Override
    public ResolvedToken token() {
        if (token == null) {
            throw new IllegalStateException("the request's ACL token is not resolved yet");
        }
        return token;
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
        return query.param(name);
    }

    @Override
    public List<String> params(String name) {
        return query.params(name);
    }

    @Override
    public boolean flag(String name) {
        return query.flag(name);
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return query.unsignedParam(name);
    }

    @Override
    public Consistency consistency() {
        return query.consistency();
    }

    @Override
    public Optional<Filter> filter(Shape shape) {
        return filters.computeIfAbsent(shape, query::filter);
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
