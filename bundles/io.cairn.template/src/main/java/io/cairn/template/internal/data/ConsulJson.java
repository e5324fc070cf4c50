package io.cairn.template.internal.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON the Consul API returns into the template data model. Missing or {@code null} fields become
 * Go's zero values ({@code ""}, {@code 0}, empty collections), because that is what consul-template's Go
 * structs hold for them and what templates test against.
 */
final class ConsulJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsulJson() {
    }

    static JsonNode parse(byte[] body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new IOException("empty response body");
        }
        return node;
    }

    static JsonNode parseArray(byte[] body) throws IOException {
        JsonNode node = parse(body);
        if (node.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new IOException("expected a JSON array, got " + node.getNodeType());
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    static long number(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? 0 : n.asLong();
    }

    static boolean bool(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.asBoolean();
    }

    /** A JSON string array, sorted as consul-template sorts tags. */
    static List<String> sortedStrings(JsonNode parent, String field) {
        List<String> list = new ArrayList<>();
        JsonNode n = parent.get(field);
        if (n != null && n.isArray()) {
            n.forEach(e -> list.add(e.asText()));
        }
        Collections.sort(list);
        return List.copyOf(list);
    }

    static Map<String, String> stringMap(JsonNode parent, String field) {
        Map<String, String> map = new TreeMap<>();
        JsonNode n = parent.get(field);
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return Collections.unmodifiableMap(map);
    }

    static Map<String, ServiceAddress> serviceAddresses(JsonNode parent, String field) {
        Map<String, ServiceAddress> map = new TreeMap<>();
        JsonNode n = parent.get(field);
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> map.put(e.getKey(),
                    new ServiceAddress(text(e.getValue(), "Address"), number(e.getValue(), "Port"))));
        }
        return Collections.unmodifiableMap(map);
    }

    static AgentWeights weights(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? new AgentWeights(0, 0)
                : new AgentWeights(number(n, "Passing"), number(n, "Warning"));
    }

    /** A JSON object as plain template values (Map, List, String, Long, Double, Boolean, null). */
    static Map<String, Object> plainMap(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(n);
        return map;
    }

    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), plain(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(plain(e)));
            return Collections.unmodifiableList(list);
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isNull() ? null : n.asText();
    }

    /** A KV {@code Value}: base64 in the API, {@code null} for an empty value; templates see the text. */
    static String kvValue(JsonNode entry) throws IOException {
        String encoded = text(entry, "Value");
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("KV value of " + text(entry, "Key") + " is not base64: " + e.getMessage(), e);
        }
    }

    static Node node(JsonNode n) {
        return new Node(text(n, "ID"), text(n, "Node"), text(n, "Address"), text(n, "Datacenter"),
                stringMap(n, "TaggedAddresses"), stringMap(n, "Meta"));
    }

    static HealthCheck check(JsonNode n) {
        List<String> tags = new ArrayList<>();
        JsonNode t = n.get("ServiceTags");
        if (t != null && t.isArray()) {
            t.forEach(e -> tags.add(e.asText()));
        }
        return new HealthCheck(text(n, "Node"), text(n, "CheckID"), text(n, "Name"), text(n, "Status"),
                text(n, "Notes"), text(n, "Output"), text(n, "ServiceID"), text(n, "ServiceName"),
                List.copyOf(tags), text(n, "Type"), number(n, "ExposedPort"), plainMap(n, "Definition"),
                number(n, "CreateIndex"), number(n, "ModifyIndex"));
    }
}
