package io.cairn.agent.definitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.health.api.CheckDefinition;

/** Reads one service object and applies Consul's rules and derived values. */
final class ServiceReader {
    static final int MAX_META_PAIRS = 64;
    static final int MAX_META_KEY = 128;
    static final int MAX_META_VALUE = 512;

    private ServiceReader() {
    }

    static ServiceDefinition read(JsonNode node, Where where) throws DefinitionException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<JsonNode> checkNodes = new ArrayList<>();
        List<Where> checkPlaces = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : JsonValues.object(node, where)) {
            JsonNode value = entry.getValue();
            FieldTable.Field field = FieldTable.SERVICE.lookup(entry.getKey(), where).orElse(null);
            if (field == null || value.isNull()) {
                continue;
            }
            Where at = where.field(entry.getKey());
            switch (field.kind()) {
                case TEXT -> values.put(field.apiName(), JsonValues.text(value, at));
                case BOOL -> values.put(field.apiName(), JsonValues.bool(value, at));
                case INT -> values.put(field.apiName(), port(value, at));
                case STRINGS -> values.put(field.apiName(), JsonValues.strings(value, at));
                case STRING_MAP -> values.put(field.apiName(), meta(value, at));
                case TAGGED_ADDRESSES -> values.put(field.apiName(), taggedAddresses(value, at));
                case WEIGHTS -> values.put(field.apiName(), weights(value, at));
                case CHECK -> {
                    checkNodes.add(0, value);
                    checkPlaces.add(0, at);
                }
                case CHECKS -> {
                    if (!value.isArray()) {
                        throw at.fail("expected a list of checks, got " + value);
                    }
                    for (int i = 0; i < value.size(); i++) {
                        checkNodes.add(value.get(i));
                        checkPlaces.add(at.element(i));
                    }
                }
                default -> {
                    // Mesh settings (Proxy, Connect) are accepted for compatibility but Cairn has no mesh.
                }
            }
        }
        String name = (String) values.getOrDefault("Name", "");
        if (name.isEmpty()) {
            throw where.missing("name", "Missing service name");
        }
        String address = (String) values.getOrDefault("Address", "");
        if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            throw where.field(key(node, "Address")).fail("Invalid service address");
        }
        String id = (String) values.getOrDefault("ID", "");
        id = id.isEmpty() ? name : id;
        List<CheckDefinition> checks = new ArrayList<>();
        for (int i = 0; i < checkNodes.size(); i++) {
            checks.add(CheckReader.serviceCheck(checkNodes.get(i), checkPlaces.get(i), id, name, i, checkNodes.size()));
        }
        @SuppressWarnings("unchecked")
        ServiceDefinition service = new ServiceDefinition((String) values.get("Kind"), id, name,
                (List<String>) values.get("Tags"), address, (Map<String, TaggedAddress>) values.get("TaggedAddresses"),
                (Map<String, String>) values.get("Meta"), (Integer) values.getOrDefault("Port", 0),
                (String) values.get("SocketPath"), (Boolean) values.getOrDefault("EnableTagOverride", false),
                (Weights) values.get("Weights"), checks);
        return service;
    }

    /** The key as written for the field named {@code apiName}, for messages. */
    private static String key(JsonNode node, String apiName) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (FieldTable.SERVICE.lookup(entry.getKey()).map(f -> f.apiName().equals(apiName)).orElse(false)) {
                return entry.getKey();
            }
        }
        return apiName;
    }

    private static int port(JsonNode value, Where where) throws DefinitionException {
        int port = JsonValues.integer(value, where);
        if (port < 0 || port > 65535) {
            throw where.fail("port " + port + " is out of range (0-65535)");
        }
        return port;
    }

    private static Map<String, String> meta(JsonNode value, Where where) throws DefinitionException {
        Map<String, String> meta = JsonValues.stringMap(value, where);
        if (meta.size() > MAX_META_PAIRS) {
            throw where.fail("too many metadata pairs (" + meta.size() + "), at most " + MAX_META_PAIRS);
        }
        for (Map.Entry<String, String> pair : meta.entrySet()) {
            Where at = where.field(pair.getKey());
            if (pair.getKey().isEmpty()) {
                throw where.fail("metadata key must not be empty");
            }
            if (pair.getKey().length() > MAX_META_KEY) {
                throw at.fail("metadata key is too long (limit: " + MAX_META_KEY + " characters)");
            }
            if (pair.getKey().startsWith("consul-")) {
                throw at.fail("metadata key prefix 'consul-' is reserved for internal use");
            }
            if (pair.getValue().length() > MAX_META_VALUE) {
                throw at.fail("metadata value is too long (limit: " + MAX_META_VALUE + " characters)");
            }
        }
        return meta;
    }

    private static Map<String, TaggedAddress> taggedAddresses(JsonNode value, Where where) throws DefinitionException {
        Map<String, TaggedAddress> addresses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : JsonValues.object(value, where)) {
            Where at = where.field(entry.getKey());
            String address = "";
            int port = 0;
            for (Map.Entry<String, JsonNode> part : JsonValues.object(entry.getValue(), at)) {
                FieldTable.Field field = FieldTable.TAGGED_ADDRESS.lookup(part.getKey(), at).orElse(null);
                if (field != null && field.apiName().equals("Address")) {
                    address = JsonValues.text(part.getValue(), at.field(part.getKey()));
                } else if (field != null) {
                    port = port(part.getValue(), at.field(part.getKey()));
                }
            }
            addresses.put(entry.getKey(), new TaggedAddress(address, port));
        }
        return addresses;
    }

    private static Weights weights(JsonNode value, Where where) throws DefinitionException {
        int passing = 1;
        int warning = 1;
        for (Map.Entry<String, JsonNode> entry : JsonValues.object(value, where)) {
            Where at = where.field(entry.getKey());
            FieldTable.Field field = FieldTable.WEIGHTS.lookup(entry.getKey(), where).orElse(null);
            if (field != null && field.apiName().equals("Passing")) {
                passing = JsonValues.integer(entry.getValue(), at);
                if (passing < 1) {
                    throw at.fail("passing weight must be greater than 0");
                }
            } else if (field != null) {
                warning = JsonValues.integer(entry.getValue(), at);
                if (warning < 0) {
                    throw at.fail("warning weight must not be negative");
                }
            }
        }
        return new Weights(passing, warning);
    }
}
