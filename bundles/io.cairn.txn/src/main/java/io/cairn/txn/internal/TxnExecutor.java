package io.cairn.txn.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.kv.api.KvOperationResult;
import io.cairn.raft.api.StateWriter;

/**
 * Runs a transaction's operations in order, each through its owner's handler as a nested command, and decides
 * the outcome as Consul does: every operation runs even after one failed, so the client learns of every
 * failure; if any failed, every write is rolled back and only the errors are answered.
 */
public final class TxnExecutor {

    /** Command type of the KV handler, which applies {@code io.cairn.kv.api.KvOperation}s. */
    public static final String KV = "kv";

    /**
     * Command type of the catalog handler, which applies Consul's {@code Node}, {@code Service} and {@code Check}
     * transaction elements as {@code {"Txn":<element>}} and answers {@code {"Error": "..."}} when one fails.
     */
    public static final String CATALOG = "catalog";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TxnExecutor() {
    }

    public static TxnOutcome run(TxnCommand command, StateWriter state) {
        List<byte[]> results = new ArrayList<>();
        List<TxnOutcome.Error> errors = new ArrayList<>();
        for (int i = 0; i < command.ops().size(); i++) {
            TxnCommand.Op op = command.ops().get(i);
            try {
                byte[] result = state.apply(op.type(), op.payload());
                Optional<String> failure = failure(op.type(), result);
                if (failure.isPresent()) {
                    errors.add(new TxnOutcome.Error(i, failure.get()));
                } else {
                    results.add(result);
                }
            } catch (RuntimeException e) {
                // The core has rolled back this operation's own writes; the others are rolled back below.
                errors.add(new TxnOutcome.Error(i, String.valueOf(e.getMessage())));
            }
        }
        if (!errors.isEmpty()) {
            state.rollback();
            return new TxnOutcome(List.of(), errors);
        }
        return new TxnOutcome(results, List.of());
    }

    /** The reason a nested result reports failure, in the owner's result format. */
    static Optional<String> failure(String type, byte[] result) {
        switch (type) {
            case KV -> {
                KvOperationResult kv = KvOperationResult.decode(result);
                return kv.done() ? Optional.empty() : Optional.of(kv.message());
            }
            case CATALOG -> {
                JsonNode error = catalogResult(result).get("Error");
                return error == null ? Optional.empty() : Optional.of(error.asText());
            }
            default -> throw new IllegalArgumentException("unknown operation type \"" + type + "\"");
        }
    }

    /** A catalog element's result: {@code {"Node": {...}}} and the like, {@code {}} after a deletion. */
    public static JsonNode catalogResult(byte[] result) {
        try {
            return JSON.readTree(result);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable catalog transaction result: " + e.getMessage(), e);
        }
    }
}
