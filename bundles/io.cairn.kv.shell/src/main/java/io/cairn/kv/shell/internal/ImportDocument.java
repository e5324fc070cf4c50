package io.cairn.kv.shell.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads the document {@code kv:import} takes, the one {@code kv:export} prints
 * ({@link io.cairn.kv.api.KvText#export}), as {@code consul kv import} reads it.
 */
final class ImportDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of an export document. */
    record Exported(String key, long flags, byte[] value) {
    }

    private ImportDocument() {
    }

    /**
     * Reads an export document. Field names match case-insensitively, as Go's decoder does; flags may be any
     * unsigned 64-bit number. {@link IllegalArgumentException} with Consul's message if it does not parse.
     */
    static List<Exported> parse(String json) {
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
