package io.cairn.event.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.http.api.Request;
import io.cairn.raft.api.Consistency;

/** A request with the given argument, query parameters and body. */
final class FakeRequest implements Request {
    private final String argument;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final byte[] body;

    FakeRequest(String argument, String body, String... params) {
        this.argument = argument;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < params.length; i += 2) {
            this.params.put(params[i], params[i + 1]);
        }
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/v1/event/" + argument;
    }

    @Override
    public String argument() {
        return argument;
    }

    @Override
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    @Override
    public List<String> params(String name) {
        return param(name).map(List::of).orElse(List.of());
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
        return Optional.empty();
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public <T> T body(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
