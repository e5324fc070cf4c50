package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.CatalogTxn.casHolds;
import static io.cairn.catalog.internal.CatalogTxn.modifyIndex;
import static io.cairn.catalog.internal.CatalogTxn.text;
import static io.cairn.go.lang.GoQuote.quote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.CatalogJson;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.Registration;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/** The {@code Service} verbs of a catalog transaction element (see {@link CatalogTxn}). */
final class CatalogTxnServices {

    /** Go's path of the element's entity, which its decoding errors name fields by. */
    private static final String PATH = "TxnOp.Service.Service";

    private CatalogTxnServices() {
    }

    static void apply(String verb, String node, JsonNode service, StateWriter state, Map<String, Object> result) {
        String id = text(service, "ID").isEmpty() ? text(service, "Service") : text(service, "ID");
        String key = CatalogKeys.service(node, id);
        Optional<Entry> existing = state.get(CatalogKeys.TABLE, key);
        String names = quote(id) + " on node " + quote(node);
        switch (verb) {
            case "get" -> result.put("Service", json(existing.orElseThrow(
                    () -> new CatalogTxn.TxnFailure("service " + names + " doesn't exist"))));
            case "set" -> {
                set(node, service, state);
                result.put("Service", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "cas" -> {
                if (!casHolds(existing, modifyIndex(service, PATH))) {
                    throw new CatalogTxn.TxnFailure("failed to set service " + names + ", index is stale");
                }
                set(node, service, state);
                result.put("Service", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "delete" -> CatalogTxn.deregister(new Deregistration(node, id, ""), state);
            case "delete-cas" -> {
                long index = modifyIndex(service, PATH);
                if (existing.isEmpty() || existing.get().modifyIndex() != index) {
                    throw new CatalogTxn.TxnFailure("failed to delete service " + names + ", index is stale");
                }
                CatalogTxn.deregister(new Deregistration(node, id, ""), state);
            }
            default -> throw new CatalogTxn.TxnFailure("unknown Service verb " + quote(verb));
        }
    }

    private static void set(String node, JsonNode service, StateWriter state) {
        CatalogTxn.requireNode(node, state);
        Bodies.ServiceBody body = CatalogTxn.convert(service, Bodies.ServiceBody.class);
        CatalogTxn.register(new Registration("", node, "", null, null, body.toService(PATH), List.of(), true),
                state);
    }

    private static CatalogJson.ServiceJson json(Entry entry) {
        return CatalogJson.ServiceJson.of(ReplicatedJson.decode(entry.value(), Stored.Service.class).toApi(entry));
    }
}
