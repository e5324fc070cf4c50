package io.cairn.prometheus.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.http.api.Request;
import io.cairn.raft.api.Consistency;

/** A GET with the given query parameters (repeatable) and headers. */
record FakeRequest(Map<String, List<String>> params, Map<String, String> headers) implements Request {

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/prometheus/sd";
    }

    @Override
    public String argument() {
        return "";
    }

    @Override
    public Optional<String> param(String name) {
        return params(name).stream().findFirst();
    }

    @Override
    public List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    @Override
    public boolean flag(String name) {
        return params.containsKey(name);
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return param(name).map(Long::parseUnsignedLong);
    }

    @Override
    public Consistency consistency() {
        return Consistency.DEFAULT;
    }

    @Override
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    @Override
    public byte[] body() {
        return new byte[0];
    }

    @Override
    public <T> T body(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
