package io.cairn.watch.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A KV pair as Consul's watches hand it over: decoded by the Go client into its {@code api.KVPair} and encoded
 * again, so fields, order and presence are the struct's, not the HTTP API's. {@code Key}, {@code CreateIndex},
 * {@code ModifyIndex}, {@code LockIndex}, {@code Flags}, {@code Value} (base64, {@code null} when empty),
 * {@code Session} ({@code ""} when unlocked: the HTTP API leaves it out, the struct always has it), then the
 * Enterprise-only {@code Namespace} and {@code Partition}, only when set ({@code omitempty}).
 */
final class ApiKvPair {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiKvPair() {
    }

    /** One pair from the HTTP API's JSON. */
    static ObjectNode of(JsonNode pair) {
        ObjectNode out = NODES.objectNode();
        out.set("Key", text(pair, "Key"));
        out.set("CreateIndex", number(pair, "CreateIndex"));
        out.set("ModifyIndex", number(pair, "ModifyIndex"));
        out.set("LockIndex", number(pair, "LockIndex"));
        out.set("Flags", number(pair, "Flags"));
        JsonNode value = pair.get("Value");
        out.set("Value", value == null ? NullNode.getInstance() : value);
        out.set("Session", text(pair, "Session"));
        for (String enterprise : new String[] {"Namespace", "Partition"}) {
            JsonNode field = pair.get(enterprise);
            if (field != null && field.isTextual() && !field.asText().isEmpty()) {
                out.set(enterprise, field);
            }
        }
        return out;
    }

    /** A list of pairs ({@code api.KVPairs}). */
    static ArrayNode list(JsonNode pairs) {
        ArrayNode out = NODES.arrayNode();
        pairs.forEach(pair -> out.add(of(pair)));
        return out;
    }

    private static JsonNode text(JsonNode pair, String field) {
        JsonNode value = pair.get(field);
        return value == null || value.isNull() ? NODES.textNode("") : value;
    }

    private static JsonNode number(JsonNode pair, String field) {
        JsonNode value = pair.get(field);
        return value == null || value.isNull() ? NODES.numberNode(0) : value;
    }
}
