package io.cairn.watch.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The request behind each watch type and how its answer becomes the data a handler gets, as Consul's watch
 * functions do: a key watch gets the KVPair object (or {@code null}), a keyprefix watch the array of pairs (or
 * {@code null}), both shaped as the Go client's {@code api.KVPair} ({@link ApiKvPair}); the others the endpoint's
 * JSON; an event watch only the events after the last one it saw.
 */
final class WatchQuery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatchSpec spec;
    final String path;
    final List<Map.Entry<String, String>> params = new ArrayList<>();

    WatchQuery(WatchSpec spec) {
        this.spec = spec.validate();
        switch (spec.type()) {
            case "key" -> path = "/v1/kv/" + spec.key();
            case "keyprefix" -> {
                path = "/v1/kv/" + spec.prefix();
                param("recurse", null);
            }
            case "services" -> path = "/v1/catalog/services";
            case "nodes" -> path = "/v1/catalog/nodes";
            case "service" -> {
                path = "/v1/health/service/" + spec.service();
                spec.tags().forEach(tag -> param("tag", tag));
                if (spec.passingOnly()) {
                    param("passing", "1");
                }
            }
            case "checks" -> path = spec.service().isEmpty()
                    ? "/v1/health/state/" + (spec.state().isEmpty() ? "any" : spec.state())
                    : "/v1/health/checks/" + spec.service();
            default -> {
                path = "/v1/event/list";
                if (!spec.name().isEmpty()) {
                    param("name", spec.name());
                }
            }
        }
        if (!spec.datacenter().isEmpty()) {
            param("dc", spec.datacenter());
        }
        if (spec.stale()) {
            param("stale", null);
        }
    }

    private void param(String name, String value) {
        params.add(new SimpleImmutableEntry<>(name, value));
    }

    /**
     * The handler's data from one answer.
     *
     * @param lastIndex the index of the previous answer the plan accepted (0 before the first); event watches drop
     *                  every event up to the one whose ID maps to it
     * @throws IOException for a status the watch cannot use or a body that is not JSON
     */
    JsonNode result(Fetched answer, long lastIndex) throws IOException {
        boolean kv = spec.type().equals("key") || spec.type().equals("keyprefix");
        if (answer.status() == 404 && kv) {
            return NullNode.getInstance();
        }
        if (answer.status() != 200) {
            throw new IOException("Unexpected response code: " + answer.status() + " ("
                    + new String(answer.body(), StandardCharsets.UTF_8) + ")");
        }
        JsonNode body = JSON.readTree(answer.body());
        if (spec.type().equals("key")) {
            return body.isArray() && body.size() > 0 ? ApiKvPair.of(body.get(0)) : NullNode.getInstance();
        }
        if (spec.type().equals("keyprefix") && body.isArray()) {
            return ApiKvPair.list(body);
        }
        if (spec.type().equals("event") && body.isArray()) {
            return newEvents((ArrayNode) body, lastIndex);
        }
        return body;
    }

    private static ArrayNode newEvents(ArrayNode events, long lastIndex) {
        for (int i = 0; i < events.size(); i++) {
            if (EventIndex.of(events.get(i).path("ID").asText()) == lastIndex) {
                ArrayNode newer = JSON.createArrayNode();
                for (int j = i + 1; j < events.size(); j++) {
                    newer.add(events.get(j));
                }
                return newer;
            }
        }
        return events;
    }
}
