package io.cairn.template.internal.data;

import java.util.Map;

import io.cairn.go.lang.GoUrl;

/** Builds the percent-encoded path and query of an API request the way Go's {@code net/url} encodes them. */
final class RequestPath {

    private final StringBuilder url;
    private boolean hasQuery;

    private RequestPath(String path) {
        this.url = new StringBuilder(GoUrl.escapePath(path));
    }

    /** Starts from an unencoded path, e.g. {@code "/v1/kv/" + key}. */
    static RequestPath of(String path) {
        return new RequestPath(path);
    }

    /** Adds {@code name=value} unless {@code value} is empty. */
    RequestPath param(String name, String value) {
        return value.isEmpty() ? this : flag(name, value);
    }

    /** Adds {@code name=value}, even if {@code value} is empty (presence flags such as {@code recurse=}). */
    RequestPath flag(String name, String value) {
        url.append(hasQuery ? '&' : '?').append(GoUrl.queryEscape(name)).append('=')
                .append(GoUrl.queryEscape(value));
        hasQuery = true;
        return this;
    }

    /** Adds the {@code ?<query>} options of a data-source argument (namespace, partition, peer, ...). */
    RequestPath options(Map<String, String> options) {
        options.forEach(this::param);
        return this;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
