package io.cairn.txn.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.Authorizer;
import io.cairn.http.api.Request;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperationResult;
import io.cairn.txn.internal.TxnCommand;
import io.cairn.txn.internal.TxnExecutor;
import io.cairn.txn.internal.TxnOutcome;

/**
 * Consul's ACL rules for a transaction's operations, checked before it runs, and for its results, filtered after.
 * <p>
 * Before: KV reads ({@code get}, {@code get-tree}, {@code get-or-empty}) need nothing; {@code check-index} and
 * {@code check-session} need {@code key:read}, as their outcome reveals the key; {@code delete-tree} needs write on
 * the whole prefix; every other verb {@code key:write}. Catalog writes need {@code node:write} on a node,
 * {@code service:write} on a service (and on its destination for a Connect proxy; the {@code consul} service needs
 * nothing), and for a check {@code node:write} on its node or, for a service's check, {@code service:write} on the
 * service; catalog reads need nothing. A denied operation is one of the transaction's errors, with Consul's text.
 * <p>
 * After: results the token may not read are left out, KV entries by {@code key:read}, nodes by {@code node:read},
 * services by {@code service:read}, checks by {@code service:read} on their service or else {@code node:read} on
 * their node.
 */
final class TxnAcls {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@link TxnEndpoint#render} leaves out of the answer: a catalog result without an entity. */
    private static final byte[] NO_CATALOG_RESULT = "{}".getBytes(StandardCharsets.UTF_8);

    private TxnAcls() {
    }

    /** A transaction's outcome with what the token may not read left out, and whether anything was. */
    record Readable(TxnOutcome outcome, boolean removed) {
    }

    /** The 403 text for {@code op} when the request's token may not run it. */
    static Optional<String> denial(Request request, TxnCommand.Op op) {
        return op.type().equals(TxnExecutor.KV) ? kvDenial(request, KvOperation.decode(op.payload()))
                : catalogDenial(request, element(op.payload()));
    }

    private static Optional<String> kvDenial(Request request, KvOperation op) {
        Authorizer acl = request.acl();
        String key = op.key();
        boolean allowed = switch (op.verb()) {
            case GET, GET_TREE, GET_OR_EMPTY -> true;
            case CHECK_INDEX, CHECK_SESSION -> acl.keyRead(key);
            case DELETE_TREE -> acl.keyWritePrefix(key);
            default -> acl.keyWrite(key);
        };
        if (allowed) {
            return Optional.empty();
        }
        boolean reads = op.verb() == KvOperation.Verb.CHECK_INDEX || op.verb() == KvOperation.Verb.CHECK_SESSION;
        return Optional.of(request.token().permissionDenied(reads ? "key:read" : "key:write", key));
    }

    /** {@code element}: the single {@code Node}, {@code Service} or {@code Check} of {@code {"Txn": {...}}}. */
    private static Optional<String> catalogDenial(Request request, Map.Entry<String, JsonNode> element) {
        JsonNode op = element.getValue();
        if (TxnRequests.verbOf(op).equals("get")) {
            return Optional.empty();
        }
        Authorizer acl = request.acl();
        switch (element.getKey()) {
            case "Node" -> {
                String node = text(TxnRequests.field(op, "Node"), "Node");
                return acl.nodeWrite(node) ? Optional.empty() : denied(request, "node:write", node);
            }
            case "Service" -> {
                JsonNode service = TxnRequests.field(op, "Service");
                String name = text(service, "Service");
                if (!name.equals("consul") && !acl.serviceWrite(name)) {
                    return denied(request, "service:write", name);
                }
                String destination = text(TxnRequests.field(service, "Proxy"), "DestinationServiceName");
                boolean proxy = text(service, "Kind").equals("connect-proxy");
                return !proxy || acl.serviceWrite(destination) ? Optional.empty()
                        : denied(request, "service:write", destination);
            }
            default -> {
                JsonNode check = TxnRequests.field(op, "Check");
                if (text(check, "ServiceID").isEmpty()) {
                    String node = text(check, "Node");
                    return acl.nodeWrite(node) ? Optional.empty() : denied(request, "node:write", node);
                }
                String service = text(check, "ServiceName");
                return acl.serviceWrite(service) ? Optional.empty() : denied(request, "service:write", service);
            }
        }
    }

    private static Optional<String> denied(Request request, String permission, String resource) {
        return Optional.of(request.token().permissionDenied(permission, resource));
    }

    /** {@code outcome} with the results {@code acl} may not read left out (a failed one has none). */
    static Readable readable(Authorizer acl, TxnCommand command, TxnOutcome outcome) {
        List<byte[]> results = new ArrayList<>();
        boolean removed = false;
        for (int i = 0; i < outcome.results().size(); i++) {
            byte[] result = outcome.results().get(i);
            if (command.ops().get(i).type().equals(TxnExecutor.CATALOG)) {
                boolean readable = catalogReadable(acl, TxnExecutor.catalogResult(result));
                removed |= !readable;
                results.add(readable ? result : NO_CATALOG_RESULT);
                continue;
            }
            List<KvEntry> entries = KvOperationResult.decode(result).entries();
            List<KvEntry> kept = entries.stream().filter(e -> acl.keyRead(e.key())).toList();
            removed |= kept.size() < entries.size();
            results.add(kept.size() < entries.size() ? KvOperationResult.done(kept).encode() : result);
        }
        return new Readable(new TxnOutcome(results, outcome.errors()), removed);
    }

    private static boolean catalogReadable(Authorizer acl, JsonNode result) {
        if (result.has("Node")) {
            return acl.nodeRead(result.get("Node").path("Node").asText());
        }
        if (result.has("Service")) {
            return acl.serviceRead(result.get("Service").path("Service").asText());
        }
        if (result.has("Check")) {
            JsonNode check = result.get("Check");
            String service = check.path("ServiceName").asText();
            return service.isEmpty() ? acl.nodeRead(check.path("Node").asText()) : acl.serviceRead(service);
        }
        return true;
    }

    /** The one element of a catalog payload {@code {"Txn": {"<kind>": {...}}}}, by kind. */
    private static Map.Entry<String, JsonNode> element(byte[] payload) {
        try {
            return JSON.readTree(payload).get("Txn").fields().next();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable catalog transaction element", e);
        }
    }

    private static String text(JsonNode object, String name) {
        return TxnRequests.field(object, name).asText("");
    }
}
