package io.cairn.kv.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.raft.api.Consistency;

/** A request on a {@code /v1/kv/} route, parameters given as {@code "name=value"} or {@code "name"}. */
final class FakeRequest implements Request {

    private final String method;
    private final String argument;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    FakeRequest(String method, String argument, String... query) {
        this.method = method;
        this.argument = argument;
        for (String q : query) {
            int eq = q.indexOf('=');
            String name = eq < 0 ? q : q.substring(0, eq);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : q.substring(eq + 1));
        }
    }

    FakeRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    FakeRequest body(byte[] bytes) {
        body = bytes;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return "/v1/kv/" + argument;
    }

    @Override
    public String argument() {
        return argument;
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
        return param(name).filter(v -> v.isEmpty() || v.equals("1") || v.equals("true")).isPresent();
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        try {
            return param(name).map(Long::parseUnsignedLong);
        } catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid " + name);
        }
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
        throw new UnsupportedOperationException("KV bodies are raw bytes");
    }
}
