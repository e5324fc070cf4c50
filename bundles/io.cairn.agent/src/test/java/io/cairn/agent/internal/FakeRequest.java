package io.cairn.agent.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.raft.api.Consistency;

/** A request with an argument, query parameters and a body, decoded as the HTTP server does. */
final class FakeRequest implements Request {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();
    private final String argument;
    private final Map<String, String> params;
    private final String body;

    FakeRequest(String argument, Map<String, String> params, String body) {
        this.argument = argument;
        this.params = params;
        this.body = body;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public String path() {
        return "/v1/agent/" + argument;
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
        return param(name).stream().toList();
    }

    @Override
    public boolean flag(String name) {
        return params.containsKey(name);
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return param(name).map(Long::parseLong);
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
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (Exception e) {
            throw HttpException.badRequest("Request decode failed: " + e.getMessage());
        }
    }
}
