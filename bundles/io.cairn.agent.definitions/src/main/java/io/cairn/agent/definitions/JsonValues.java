package io.cairn.agent.definitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.health.api.GoDuration;

/** Typed values out of JSON nodes, failing with the value's place and what is expected. */
final class JsonValues {

    private JsonValues() {
    }

    static String text(JsonNode node, Where where) throws DefinitionException {
        if (!node.isTextual()) {
            throw where.fail("expected a string, got " + node);
        }
        return node.textValue();
    }

    static boolean bool(JsonNode node, Where where) throws DefinitionException {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw where.fail("expected true or false, got " + node);
    }

    static int integer(JsonNode node, Where where) throws DefinitionException {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw where.fail("expected a whole number, got " + node);
    }

    /** A Go duration string or a whole number of nanoseconds. */
    static Duration duration(JsonNode node, Where where) throws DefinitionException {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return Duration.ofNanos(node.longValue());
        }
        if (!node.isTextual()) {
            throw where.fail("expected a duration such as \"10s\" or a number of nanoseconds, got " + node);
        }
        String text = node.textValue();
        // Consul rejects negative definition durations; checked on the text so that "-0s" is refused too.
        if (text.trim().startsWith("-")) {
            throw where.fail("duration \"" + text + "\" must not be negative");
        }
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw where.fail(e.getMessage());
        }
    }

    static List<String> strings(JsonNode node, Where where) throws DefinitionException {
        if (!node.isArray()) {
            throw where.fail("expected a list of strings, got " + node);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), where.element(i)));
        }
        return values;
    }

    static Map<String, String> stringMap(JsonNode node, Where where) throws DefinitionException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node, where)) {
            values.put(entry.getKey(), text(entry.getValue(), where.field(entry.getKey())));
        }
        return values;
    }

    /** HTTP headers: each name with a list of values (a single string is taken as a list of one). */
    static Map<String, List<String>> header(JsonNode node, Where where) throws DefinitionException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node, where)) {
            JsonNode value = entry.getValue();
            Where at = where.field(entry.getKey());
            values.put(entry.getKey(), value.isTextual() ? List.of(value.textValue()) : strings(value, at));
        }
        return values;
    }

    static Iterable<Map.Entry<String, JsonNode>> object(JsonNode node, Where where) throws DefinitionException {
        if (!node.isObject()) {
            throw where.fail("expected an object, got " + node);
        }
        return node::fields;
    }
}
