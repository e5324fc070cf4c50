package io.cairn.template.internal.functions;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.go.lang.GoJsonString;

/**
 * JSON as Go's {@code encoding/json} writes and reads it for templates: map keys sorted, structs (records) as
 * objects with their field names in declaration order, {@code <}, {@code >}, {@code &} escaped unless asked
 * not to, floats in Go's shortest form; parsed numbers are all {@code float64} ({@link Double}).
 */
final class GoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean escapeHtml;
    private final String indent;
    private final StringBuilder out = new StringBuilder();

    private GoJson(boolean escapeHtml, String indent) {
        this.escapeHtml = escapeHtml;
        this.indent = indent;
    }

    /**
     * Encodes a template value.
     *
     * @param indent {@code null} for compact output, else the indent of each level (Go's MarshalIndent)
     */
    static String encode(Object value, boolean escapeHtml, String indent) {
        GoJson json = new GoJson(escapeHtml, indent);
        json.value(value, 0);
        return json.out.toString();
    }

    /** Parses JSON into template values: Map, List, String, Double, Boolean, null. */
    static Object parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("unexpected end of JSON input");
            }
            return plain(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(plain(e)));
            return list;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isNull() ? null : n.asText();
    }

    private void value(Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else if (v instanceof Double d) {
            out.append(number(d));
        } else if (v instanceof List<?> list) {
            array(list, depth);
        } else if (v instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            object(sorted, depth);
        } else if (v.getClass().isRecord()) {
            object(fields(v), depth);
        } else {
            throw new IllegalArgumentException("json: unsupported type: " + Args.goType(v));
        }
    }

    /** A record's components in declaration order, as Go encodes a struct's exported fields. */
    static Map<String, Object> fields(Object record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            value(list.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void object(Map<String, Object> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            string(e.getKey());
            out.append(indent == null ? ":" : ": ");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void newline(int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    private void string(String s) {
        out.append(GoJsonString.quote(s, escapeHtml));
    }

    /** Go's float encoding: shortest digits, exponent form below 1e-6 and from 1e21 ({@code 1e+21}, {@code 1e-7}). */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + GoFormat.formatFloat(d));
        }
        double abs = Math.abs(d);
        if (abs == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        if (abs < 1e-6 || abs >= 1e21) {
            String e = GoFormat.exponent(d);
            // Go trims a leading zero of a negative two-digit exponent: 1e-07 becomes 1e-7.
            int n = e.length();
            if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                e = e.substring(0, n - 2) + e.charAt(n - 1);
            }
            return e;
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
