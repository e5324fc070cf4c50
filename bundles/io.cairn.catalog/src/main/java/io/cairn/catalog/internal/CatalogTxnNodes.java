package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.CatalogTxn.casHolds;
import static io.cairn.catalog.internal.CatalogTxn.modifyIndex;
import static io.cairn.catalog.internal.CatalogTxn.text;
import static io.cairn.go.lang.GoQuote.quote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.CatalogJson;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.Registration;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/** The {@code Node} verbs of a catalog transaction element (see {@link CatalogTxn}). */
final class CatalogTxnNodes {

    /** The node fields a transaction may set. */
    record NodeBody(@JsonProperty("ID") String id, @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta) {
    }

    /** Go's path of the element's entity, which its decoding errors name fields by. */
    private static final String PATH = "TxnOp.Node.Node";

    private CatalogTxnNodes() {
    }

    static void apply(String verb, JsonNode node, StateWriter state, Map<String, Object> result) {
        String name = text(node, "Node");
        String key = CatalogKeys.node(name);
        Optional<Entry> existing = state.get(CatalogKeys.TABLE, key);
        switch (verb) {
            case "get" -> result.put("Node", json(existing.orElseThrow(
                    () -> new CatalogTxn.TxnFailure("node " + quote(name) + " doesn't exist"))));
            case "set" -> {
                set(name, node, state);
                result.put("Node", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "cas" -> {
                if (!casHolds(existing, modifyIndex(node, PATH))) {
                    throw new CatalogTxn.TxnFailure("failed to set node " + quote(name) + ", index is stale");
                }
                set(name, node, state);
                result.put("Node", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "delete" -> CatalogTxn.deregister(new Deregistration(name, "", ""), state);
            case "delete-cas" -> {
                long index = modifyIndex(node, PATH);
                if (existing.isEmpty() || existing.get().modifyIndex() != index) {
                    throw new CatalogTxn.TxnFailure("failed to delete node " + quote(name) + ", index is stale");
                }
                CatalogTxn.deregister(new Deregistration(name, "", ""), state);
            }
            default -> throw new CatalogTxn.TxnFailure("unknown Node verb " + quote(verb));
        }
    }

    private static void set(String name, JsonNode node, StateWriter state) {
        NodeBody body = CatalogTxn.convert(node, NodeBody.class);
        CatalogTxn.register(new Registration(body.id(), name, body.address(), body.taggedAddresses(), body.meta(),
                null, List.of(), false), state);
    }

    /** The datacenter is configuration, not data, so transaction results leave it empty. */
    private static CatalogJson.NodeJson json(Entry entry) {
        return CatalogJson.NodeJson.of(ReplicatedJson.decode(entry.value(), Stored.Node.class).toApi("", entry));
    }
}
