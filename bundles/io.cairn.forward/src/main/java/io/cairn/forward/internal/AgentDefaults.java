package io.cairn.forward.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.go.lang.GoUrl;

/**
 * What a Consul client agent fills in from itself before it forwards a request, so that the server answers for the
 * client's node rather than its own: {@code ?near=_agent} names this node, and a session created without a
 * {@code Node} belongs to this node (and so ends when this node fails).
 */
final class AgentDefaults {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION_CREATE = "/v1/session/create";

    private final String node;

    AgentDefaults(String node) {
        this.node = node;
    }

    /** The raw query with {@code near=_agent} made {@code near=<this node>}. */
    String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return rawQuery;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            pairs.add(pair.equals("near=_agent") ? "near=" + GoUrl.queryEscape(node) : pair);
        }
        return String.join("&", pairs);
    }

    /**
     * The body with this node as the session's {@code Node} when a session create names none (Consul decodes field
     * names case-insensitively); any other body, and one that is not a JSON object, as it came: the server judges it.
     */
    byte[] body(String method, String path, byte[] body) {
        if (!method.equals("PUT") || !path.equals(SESSION_CREATE)) {
            return body;
        }
        try {
            JsonNode parsed = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            if (!(parsed instanceof ObjectNode object) || namesNode(object)) {
                return body;
            }
            object.put("Node", node);
            return JSON.writeValueAsBytes(object);
        } catch (IOException unreadable) {
            return body;
        }
    }

    private static boolean namesNode(ObjectNode object) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (names.next().equalsIgnoreCase("Node")) {
                return true;
            }
        }
        return false;
    }
}
