package io.cairn.query.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.PreparedQuery;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;
import io.cairn.session.api.Sessions;

/**
 * The {@value PreparedQueries#TABLE} table: the deterministic apply of {@link QueryCommand}s with Consul's
 * state-store rules, and the reads (by ID, by name, template resolution). Names compare case-insensitively, as
 * Consul's name index does.
 */
final class QueryStore {

    private static final byte[] NONE = new byte[0];
    private static final Pattern UUID = Pattern.compile(
            "(?i)^[\\da-f]{8}-[\\da-f]{4}-[\\da-f]{4}-[\\da-f]{4}-[\\da-f]{12}$");

    private QueryStore() {
    }

    /** Applies one command; throws {@link IllegalArgumentException} (writing nothing) for a refused one. */
    static byte[] apply(QueryCommand command, StateWriter state) {
        switch (command.op()) {
            case QueryCommand.CREATE -> set(command.query(), state);
            case QueryCommand.UPDATE -> {
                if (state.get(PreparedQueries.TABLE, command.query().id()).isEmpty()) {
                    throw new IllegalArgumentException(
                            "Cannot modify non-existent prepared query: '" + command.query().id() + "'");
                }
                set(command.query(), state);
            }
            case QueryCommand.DELETE -> state.delete(PreparedQueries.TABLE, command.id());
            case QueryCommand.REAP -> orphans(state).forEach(q -> state.delete(PreparedQueries.TABLE, q.id()));
            default -> throw new IllegalArgumentException("Unknown prepared query operation: " + command.op());
        }
        return NONE;
    }

    private static void set(PreparedQuery query, StateWriter state) {
        List<PreparedQuery> others = list(state).stream().filter(q -> !q.id().equals(query.id())).toList();
        if (!query.name().isEmpty()) {
            if (others.stream().anyMatch(q -> q.name().equalsIgnoreCase(query.name()))) {
                throw new IllegalArgumentException("name '" + query.name() + "' aliases an existing query name");
            }
        } else if (query.isTemplate() && others.stream().anyMatch(q -> q.isTemplate() && q.name().isEmpty())) {
            throw new IllegalArgumentException("a query template with an empty name already exists");
        }
        if (isUuid(query.name()) && state.get(PreparedQueries.TABLE, query.name()).isPresent()) {
            throw new IllegalArgumentException("name '" + query.name() + "' aliases an existing query ID");
        }
        if (!query.session().isEmpty() && state.get(Sessions.TABLE, query.session()).isEmpty()) {
            throw new IllegalArgumentException("invalid session \"" + query.session() + "\"");
        }
        if (query.isTemplate()) {
            try {
                QueryTemplates.compile(query);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("failed compiling template: " + e.getMessage(), e);
            }
        }
        state.put(PreparedQueries.TABLE, query.id(), QueryCodec.record(query));
    }

    /** Queries bound to a session that no longer exists; Consul deletes them with the session. */
    static List<PreparedQuery> orphans(StateView state) {
        return list(state).stream()
                .filter(q -> !q.session().isEmpty() && state.get(Sessions.TABLE, q.session()).isEmpty())
                .toList();
    }

    static List<PreparedQuery> list(StateView state) {
        return state.scan(PreparedQueries.TABLE, "").stream().map(QueryCodec::read).toList();
    }

    static Optional<PreparedQuery> get(StateView state, String id) {
        return state.get(PreparedQueries.TABLE, id).map(QueryCodec::read);
    }

    /** Never 0, so a watcher of an empty table still has an index to block on. */
    static long index(StateView state) {
        return Math.max(1, state.index(PreparedQueries.TABLE, ""));
    }

    /**
     * The query {@code idOrName} resolves to, as Consul resolves it: a query with that ID (a template only by
     * name: {@link IllegalArgumentException}), else the query with that name, else the template with the longest
     * name that prefixes it; templates are rendered for {@code idOrName}.
     */
    static Optional<PreparedQuery> resolve(StateView state, String idOrName) {
        if (isUuid(idOrName)) {
            Optional<PreparedQuery> byId = get(state, idOrName);
            if (byId.isPresent()) {
                if (byId.get().isTemplate()) {
                    throw new IllegalArgumentException(
                            "prepared query templates can only be resolved up by name, not by ID");
                }
                return byId;
            }
        }
        List<PreparedQuery> all = list(state);
        Optional<PreparedQuery> byName = all.stream().filter(q -> q.name().equalsIgnoreCase(idOrName)).findFirst();
        if (byName.isPresent()) {
            return byName.map(q -> q.isTemplate() ? QueryTemplates.render(q, idOrName) : q);
        }
        String lower = idOrName.toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(q -> q.isTemplate() && lower.startsWith(q.name().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(q -> q.name().length()))
                .map(q -> QueryTemplates.render(q, idOrName));
    }

    static boolean isUuid(String text) {
        return text.length() == 36 && UUID.matcher(text).matches();
    }
}
