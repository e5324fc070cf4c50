package io.cairn.kv.shell.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.cairn.go.lang.GoJsonString;
import io.cairn.kv.api.KvEntry;

/** The texts of Consul's {@code consul kv} commands: value lines, the detailed block and the export document. */
final class KvFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of an export document. */
    record Exported(String key, long flags, byte[] value) {
    }

    private KvFormat() {
    }

    static String value(byte[] value, boolean base64) {
        return base64 ? Base64.getEncoder().encodeToString(value) : new String(value, StandardCharsets.UTF_8);
    }

    /** {@code key:value}, as {@code consul kv get -recurse} prints each pair. */
    static String line(KvEntry entry, boolean base64) {
        return entry.key() + ":" + value(entry.value(), base64);
    }

    /** {@code consul kv get -detailed}: labels padded to the longest plus six spaces, no trailing newline. */
    static String detailed(KvEntry entry, boolean base64) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("CreateIndex", Long.toString(entry.createIndex()));
        rows.put("Flags", Long.toUnsignedString(entry.flags()));
        rows.put("Key", entry.key());
        rows.put("LockIndex", Long.toString(entry.lockIndex()));
        rows.put("ModifyIndex", Long.toString(entry.modifyIndex()));
        rows.put("Session", entry.session().isEmpty() ? "-" : entry.session());
        rows.put("Value", value(entry.value(), base64));
        int width = "CreateIndex".length() + 6;
        StringBuilder out = new StringBuilder();
        rows.forEach((label, text) -> {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(label).append(" ".repeat(width - label.length())).append(text);
        });
        return out.toString();
    }

    /** {@code consul kv export}: Go's tab-indented JSON array of key, unsigned flags and base64 value. */
    static String export(List<KvEntry> entries) {
        if (entries.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Iterator<KvEntry> it = entries.iterator(); it.hasNext();) {
            KvEntry e = it.next();
            out.append("\t{\n")
                    .append("\t\t\"key\": ").append(GoJsonString.quote(e.key())).append(",\n")
                    .append("\t\t\"flags\": ").append(Long.toUnsignedString(e.flags())).append(",\n")
                    .append("\t\t\"value\": \"").append(Base64.getEncoder().encodeToString(e.value())).append("\"\n")
                    .append(it.hasNext() ? "\t},\n" : "\t}\n");
        }
        return out.append(']').toString();
    }

    /**
     * Reads an export document. Field names match case-insensitively, as Go's decoder does; flags may be any
     * unsigned 64-bit number. {@link IllegalArgumentException} with Consul's message if it does not parse.
     */
    static List<Exported> parseImport(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot unmarshal data: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Cannot unmarshal data: expected a JSON array of entries");
        }
        List<Exported> entries = new ArrayList<>();
        for (JsonNode node : root) {
            String key = field(node, "key").asText("");
            JsonNode flags = field(node, "flags");
            String value = field(node, "value").asText("");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Error base 64 decoding value for key " + key + ": "
                        + e.getMessage());
            }
            long flagBits = flags.isMissingNode() || flags.isNull() ? 0 : unsigned(flags, key);
            entries.add(new Exported(key, flagBits, bytes));
        }
        return entries;
    }

    private static long unsigned(JsonNode flags, String key) {
        if (!flags.isIntegralNumber() || flags.bigIntegerValue().signum() < 0
                || flags.bigIntegerValue().bitLength() > 64) {
            throw new IllegalArgumentException("Cannot unmarshal data: flags of " + key
                    + " must be an unsigned 64-bit integer");
        }
        // The low 64 bits of an unsigned value are its two's-complement long.
        return flags.bigIntegerValue().longValue();
    }

    private static JsonNode field(JsonNode node, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return MissingNode.getInstance();
    }
}
