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

/** The {@code Check} verbs of a catalog transaction element (see {@link CatalogTxn}). */
final class CatalogTxnChecks {

    /** Go's path of the element's entity, which its decoding errors name fields by. */
    private static final String PATH = "TxnOp.Check.Check";

    private CatalogTxnChecks() {
    }

    static void apply(String verb, JsonNode check, StateWriter state, Map<String, Object> result) {
        String node = text(check, "Node");
        String id = text(check, "CheckID").isEmpty() ? text(check, "Name") : text(check, "CheckID");
        String key = CatalogKeys.check(node, id);
        Optional<Entry> existing = state.get(CatalogKeys.TABLE, key);
        String names = quote(id) + " on node " + quote(node);
        switch (verb) {
            case "get" -> result.put("Check", json(existing.orElseThrow(
                    () -> new CatalogTxn.TxnFailure("check " + names + " doesn't exist"))));
            case "set" -> {
                set(node, check, state);
                result.put("Check", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "cas" -> {
                if (!casHolds(existing, modifyIndex(check, PATH))) {
                    throw new CatalogTxn.TxnFailure("failed to set check " + names + ", index is stale");
                }
                set(node, check, state);
                result.put("Check", json(state.get(CatalogKeys.TABLE, key).orElseThrow()));
            }
            case "delete" -> CatalogTxn.deregister(new Deregistration(node, "", id), state);
            case "delete-cas" -> {
                long index = modifyIndex(check, PATH);
                if (existing.isEmpty() || existing.get().modifyIndex() != index) {
                    throw new CatalogTxn.TxnFailure("failed to delete check " + names + ", index is stale");
                }
                CatalogTxn.deregister(new Deregistration(node, "", id), state);
            }
            default -> throw new CatalogTxn.TxnFailure("unknown Check verb " + quote(verb));
        }
    }

    /** A check on a service needs that service on the node ({@code Missing service registration}). */
    private static void set(String node, JsonNode check, StateWriter state) {
        CatalogTxn.requireNode(node, state);
        Bodies.CheckBody body = CatalogTxn.convert(check, Bodies.CheckBody.class);
        CatalogTxn.register(new Registration("", node, "", null, null, null, List.of(body.toCheck(PATH)), true),
                state);
    }

    private static CatalogJson.CheckJson json(Entry entry) {
        return CatalogJson.CheckJson.of(ReplicatedJson.decode(entry.value(), Stored.Check.class).toApi(entry));
    }
}
