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
import com.fasterxml.jackson.databind.node.MissingNode;

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

    /** A transaction and whether it only reads (then it needs no Raft write). */
    record Parsed(TxnCommand command, boolean readOnly) {
    }

    /**
     * The transaction the body asks for. 413 for a body, an operation count or a value over the limits; 400 for a
     * body that is not UTF-8 or not a list of operations, an operation of no known kind, a number Go's decoder
     * refuses, or a key UTF-8 cannot carry.
     */
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
    static String verbOf(JsonNode element) {
        return field(element, "Verb").asText("");
    }

    /**
     * A field of a catalog element looked up case-insensitively, as Go decodes Consul's body; missing when absent
     * or null.
     */
    static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isNull()) {
                return field.getValue();
            }
        }
        return MissingNode.getInstance();
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
        long flags = uint64(kv.flags(), "Flags");
        long index = uint64(kv.index(), "Index");
        KvOperation operation;
        try {
            operation = new KvOperation(verb, key, value, flags, index, kv.session());
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
        return new TxnCommand.Op(TxnExecutor.KV, operation.encode());
    }

    /**
     * A {@code KV} field of Go type {@code uint64}, from what the JSON held: an integer literal from 0 to 2^64 - 1
     * (absent is 0). A string, a fraction, an exponent or a number out of range is refused with Go's text.
     */
    private static long uint64(Object value, String field) {
        if (value == null) {
            return 0;
        }
        BigInteger n = null;
        if (value instanceof Integer || value instanceof Long) {
            n = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            n = big;
        }
        if (n != null && n.signum() >= 0 && n.bitLength() <= 64) {
            return n.longValue();
        }
        throw HttpException.badRequest("Failed to parse body: json: cannot unmarshal " + found(value)
                + " into Go struct field TxnOp.KV." + field + " of type uint64");
    }

    /** A JSON value as Go's decoding errors name it, a number with its text. */
    private static String found(Object value) {
        if (value instanceof Number number) {
            return "number " + number.toString().replace('E', 'e');
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value instanceof Map ? "object" : "array";
    }
}
