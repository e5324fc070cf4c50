package io.cairn.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.http.api.Handler;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.StateView;

/** Just enough of the HTTP server to call a route table's routes: same JSON rules as the real one. */
final class FakeHttp implements RouteTable {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    final Map<String, StateQuery> reads = new HashMap<>();
    final Map<String, Handler> handlers = new HashMap<>();

    @Override
    public RouteTable read(String path, StateQuery query) {
        reads.put(path, query);
        return this;
    }

    @Override
    public RouteTable get(String path, Handler handler) {
        handlers.put("GET " + path, handler);
        return this;
    }

    @Override
    public RouteTable put(String path, Handler handler) {
        handlers.put("PUT " + path, handler);
        return this;
    }

    @Override
    public RouteTable post(String path, Handler handler) {
        handlers.put("POST " + path, handler);
        return this;
    }

    @Override
    public RouteTable delete(String path, Handler handler) {
        handlers.put("DELETE " + path, handler);
        return this;
    }

    /** Runs a read route as the server would (watch first, then answer) and returns the JSON sent. */
    JsonNode get(String route, String argument, Map<String, List<String>> params, StateView state) {
        StateQuery query = reads.get(route);
        Req request = new Req(argument, params, "");
        query.watch(request);
        return toJson(query.answer(request, state).response());
    }

    Response call(String methodAndRoute, String body) {
        return handlers.get(methodAndRoute).handle(new Req("", Map.of(), body)).toCompletableFuture().join();
    }

    static JsonNode toJson(Response response) {
        return MAPPER.valueToTree(response.jsonBody());
    }

    record Req(String argument, Map<String, List<String>> query, String text) implements Request {

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String path() {
            return "/";
        }

        @Override
        public Optional<String> param(String name) {
            return params(name).stream().findFirst();
        }

        @Override
        public List<String> params(String name) {
            return query.getOrDefault(name, List.of());
        }

        @Override
        public boolean flag(String name) {
            return query.containsKey(name);
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
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T body(Class<T> type) {
            try {
                return MAPPER.readValue(text, type);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
