package io.cairn.txn.internal.http;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvStore;
import io.cairn.txn.internal.TxnCommand;
import io.cairn.txn.internal.TxnExecutor;

/** Turns a {@code PUT /v1/txn} body into a transaction, with Consul's limits and texts. */
final class TxnRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TxnRequests() {
    }

    /**
     * The transaction the body asks for. 413 for a body, an operation count or a value over the limits; 400 for a
     * body that is not a list of operations or an operation of no known kind.
     */
    /** A transaction and whether it only reads (then it needs no Raft write). */
    record Parsed(TxnCommand command, boolean readOnly) {
    }

    static Parsed parse(Request request, int maxBody, int maxOps) {
        if (request.body().length > maxBody) {
            throw new HttpException(413, "Request body too large, max size: " + maxBody + " bytes");
        }
        TxnBody[] body;
        try {
            body = request.body().length == 0 ? new TxnBody[0] : request.body(TxnBody[].class);
        } catch (HttpException e) {
            throw HttpException.badRequest("Failed to parse body: "
                    + e.getMessage().replaceFirst("^Request decode failed: ", ""));
        }
        if (body == null) {
            body = new TxnBody[0];
        }
        if (body.length > maxOps) {
            throw new HttpException(413, "Transaction contains too many operations (" + body.length + " > "
                    + maxOps + ")");
        }
        List<TxnCommand.Op> ops = new ArrayList<>();
        boolean readOnly = true;
        for (TxnBody op : body) {
            if (op != null && op.kv() == null && catalogElement(op) != null) {
                ops.add(catalog(op));
                readOnly &= verbOf(catalogElement(op)).equals("get");
            } else {
                TxnCommand.Op kv = convert(op);
                ops.add(kv);
                readOnly &= !KvOperation.decode(kv.payload()).verb().writes();
            }
        }
        return new Parsed(new TxnCommand(ops), readOnly);
    }

    private static JsonNode catalogElement(TxnBody op) {
        return op.node() != null ? op.node() : op.service() != null ? op.service() : op.check();
    }

    /** A catalog element travels as Consul wrote it, wrapped for the catalog handler. */
    private static TxnCommand.Op catalog(TxnBody op) {
        String kind = op.node() != null ? "Node" : op.service() != null ? "Service" : "Check";
        Map<String, Object> element = new LinkedHashMap<>();
        element.put(kind, catalogElement(op));
        try {
            return new TxnCommand.Op(TxnExecutor.CATALOG, JSON.writeValueAsBytes(Map.of("Txn", element)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a catalog transaction element", e);
        }
    }

    /** The verb of a catalog element, its name matched case-insensitively as the rest of the body is. */
    private static String verbOf(JsonNode element) {
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase("Verb")) {
                return field.getValue().asText();
            }
        }
        return "";
    }

    private static TxnCommand.Op convert(TxnBody op) {
        if (op == null || op.kv() == null) {
            throw HttpException.badRequest("Failed to parse body: an operation has none of KV, Node, Service and "
                    + "Check");
        }
        TxnBody.KvBody kv = op.kv();
        String key = kv.key() == null ? "" : kv.key();
        byte[] value = kv.value() == null ? new byte[0] : kv.value();
        if (value.length > KvStore.MAX_VALUE_SIZE) {
            throw new HttpException(413, "Value for key \"" + key + "\" is too large (" + value.length + " > "
                    + KvStore.MAX_VALUE_SIZE + " bytes)");
        }
        String verbText = kv.verb() == null ? "" : kv.verb();
        KvOperation.Verb verb = KvOperation.Verb.of(verbText).orElseThrow(() -> HttpException.badRequest(
                "Failed to parse body: unknown KV verb \"" + verbText + "\"; use one of set, cas, lock, unlock, get, "
                        + "get-or-empty, get-tree, check-index, check-session, check-not-exists, delete, "
                        + "delete-tree, delete-cas"));
        KvOperation operation = new KvOperation(verb, key, value, unsigned(kv.flags()), unsigned(kv.index()),
                kv.session());
        return new TxnCommand.Op(TxnExecutor.KV, operation.encode());
    }

    private static long unsigned(BigInteger value) {
        if (value == null) {
            return 0;
        }
        if (value.signum() < 0 || value.bitLength() > 64) {
            throw HttpException.badRequest("Failed to parse body: " + value + " is not an unsigned 64-bit integer");
        }
        return value.longValue();
    }
}
