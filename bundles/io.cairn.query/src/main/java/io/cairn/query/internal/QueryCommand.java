package io.cairn.query.internal;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.query.api.PreparedQuery;

/**
 * One replicated prepared-query command: {@code create} and {@code update} carry the whole query (its ID chosen by
 * the submitter, so the apply stays deterministic); {@code delete} carries an ID; {@code reap} deletes every query
 * bound to a session that no longer exists.
 *
 * @param op    {@code create}, {@code update}, {@code delete} or {@code reap}
 * @param query the query to store; {@code null} otherwise
 * @param id    the query to delete; {@code null} otherwise
 */
public record QueryCommand(String op, PreparedQuery query, String id) {

    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";
    static final String REAP = "reap";

    static QueryCommand create(PreparedQuery query) {
        return new QueryCommand(CREATE, query, null);
    }

    static QueryCommand update(PreparedQuery query) {
        return new QueryCommand(UPDATE, query, null);
    }

    static QueryCommand delete(String id) {
        return new QueryCommand(DELETE, null, id);
    }

    static QueryCommand reap() {
        return new QueryCommand(REAP, null, null);
    }

    /** Checks what the apply relies on; {@link IllegalArgumentException} for a command no server should apply. */
    void validate() {
        switch (op == null ? "" : op) {
            case CREATE, UPDATE -> {
                if (query == null || query.id().isEmpty()) {
                    throw new IllegalArgumentException("Missing query ID");
                }
                QueryRules.validate(query);
            }
            case DELETE -> {
                if (id == null || id.isEmpty()) {
                    throw new IllegalArgumentException("Missing query ID");
                }
            }
            case REAP -> {
                // nothing to check: it only deletes
            }
            default -> throw new IllegalArgumentException("Unknown prepared query operation: " + op);
        }
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    static QueryCommand decode(byte[] payload) {
        return ReplicatedJson.decode(payload, QueryCommand.class);
    }
}
