package io.cairn.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.Registration;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/**
 * Consul's catalog transaction verbs ({@code get}, {@code set}, {@code cas}, {@code delete}, {@code delete-cas}
 * on nodes, services and checks), applied as nested {@code catalog} commands by the transaction handler.
 * <p>
 * The payload is compact UTF-8 JSON {@code {"Txn":<element>}} where the element is a {@code Node}, {@code Service} or
 * {@code Check} element of a {@code PUT /v1/txn} body, as Consul documents it (names matched case-insensitively).
 * The result is UTF-8 JSON: {@code {"Error": "<Consul's text>"}} when the operation fails, else the entity as
 * Consul's transaction results show it ({@code {"Node": {...}}}, ...), or {@code {}} after a deletion.
 */
final class CatalogTxn {

    static final String TXN = "Txn";
    static final String ERROR = "Error";
    /** How every transaction element payload starts (the transaction handler writes it compactly). */
    private static final byte[] PREFIX = "{\"Txn\":".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper WRITER = new ObjectMapper();

    private CatalogTxn() {
    }

    /**
     * Whether {@code payload} is a transaction element rather than a {@link CatalogCommand}. A prefix test, not a
     * parse: every catalog write passes here, and a command's sorted JSON starts with another field.
     */
    static boolean isTxn(byte[] payload) {
        if (payload.length < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (payload[i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] apply(byte[] payload, StateWriter state) {
        JsonNode element;
        try {
            element = READER.readTree(payload).get(TXN);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a catalog transaction element: " + e.getMessage(), e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            Optional<JsonNode> node = field(element, "Node");
            Optional<JsonNode> service = field(element, "Service");
            Optional<JsonNode> check = field(element, "Check");
            if (service.isPresent()) {
                JsonNode op = service.get();
                CatalogTxnServices.apply(verb(op), text(op, "Node"), body(op, "Service"), state, result);
            } else if (check.isPresent()) {
                CatalogTxnChecks.apply(verb(check.get()), body(check.get(), "Check"), state, result);
            } else if (node.isPresent()) {
                CatalogTxnNodes.apply(verb(node.get()), body(node.get(), "Node"), state, result);
            } else {
                throw new TxnFailure("no operation specified");
            }
        } catch (TxnFailure | IllegalArgumentException e) {
            result.clear();
            result.put(ERROR, e.getMessage());
        }
        return write(result);
    }

    /** An operation that failed with Consul's text; the transaction reports it with the operation's index. */
    static final class TxnFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TxnFailure(String message) {
            super(message, null, false, false);
        }
    }

    static String verb(JsonNode op) {
        return text(op, "Verb");
    }

    /** The entity of an operation ({@code {"Verb": "set", "Node": {...}}} has its node under {@code Node}). */
    private static JsonNode body(JsonNode op, String name) {
        return field(op, name).orElseThrow(() -> new TxnFailure("Missing " + name + " in the operation"));
    }

    /** A field looked up case-insensitively, as Go's JSON decoding does. */
    static Optional<JsonNode> field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equalsIgnoreCase(name) && !f.getValue().isNull()) {
                return Optional.of(f.getValue());
            }
        }
        return Optional.empty();
    }

    static String text(JsonNode object, String name) {
        return field(object, name).map(JsonNode::asText).orElse("");
    }

    /**
     * The {@code ModifyIndex} of a {@code cas} or {@code delete-cas} element, an unsigned integer as in Go;
     * {@code path}: the element's Go path, e.g. {@code TxnOp.Node.Node}.
     */
    static long modifyIndex(JsonNode object, String path) {
        return GoFields.uint64(field(object, "ModifyIndex").map(n -> convert(n, Object.class)).orElse(null),
                path + ".ModifyIndex");
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return READER.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Failed to decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Whether a compare-and-set index holds: 0 means "must not exist", else the modify index must match. */
    static boolean casHolds(Optional<Entry> existing, long index) {
        return index == 0 ? existing.isEmpty() : existing.isPresent() && existing.get().modifyIndex() == index;
    }

    static void register(Registration registration, StateWriter state) {
        CatalogStateMachine.apply(CatalogCommand.register(registration), state)
                .ifPresent(refusal -> {
                    throw new TxnFailure(refusal);
                });
    }

    static void deregister(Deregistration deregistration, StateWriter state) {
        CatalogStateMachine.apply(CatalogCommand.deregister(deregistration), state);
    }

    static void requireNode(String node, StateWriter state) {
        if (node.isEmpty() || state.get(CatalogKeys.TABLE, CatalogKeys.node(node)).isEmpty()) {
            throw new TxnFailure("Missing node registration");
        }
    }

    private static byte[] write(Map<String, Object> result) {
        try {
            return WRITER.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode catalog transaction result", e);
        }
    }
}
