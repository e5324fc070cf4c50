package io.cairn.txn.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.raft.api.Consistency;

/** A {@code PUT /v1/txn} with a body, decoded as the HTTP server decodes bodies. */
final class FakeRequest implements Request {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final byte[] body;

    FakeRequest(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    FakeRequest(byte[] body) {
        this.body = body;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public String path() {
        return "/v1/txn";
    }

    @Override
    public String argument() {
        return "";
    }

    @Override
    public Optional<String> param(String name) {
        return Optional.empty();
    }

    @Override
    public List<String> params(String name) {
        return List.of();
    }

    @Override
    public boolean flag(String name) {
        return false;
    }

    @Override
    public Optional<Long> unsignedParam(String name) {
        return Optional.empty();
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
        try {
            return MAPPER.readValue(body, type);
        } catch (java.io.IOException e) {
            throw HttpException.badRequest("Request decode failed: " + e.getMessage());
        }
    }
}
