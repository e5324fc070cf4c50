package io.cairn.query.api;

import java.util.Optional;

/**
 * How one execution runs.
 *
 * @param near    the node to order by RTT from, overriding the query's {@code Near} ({@code _agent}: this agent's)
 * @param limit   the most results to return; 0 for all
 * @param connect look up Connect-capable endpoints whatever the query says
 */
public record ExecuteOptions(Optional<String> near, int limit, boolean connect) {

    /** The query's own settings. */
    public static final ExecuteOptions DEFAULT = new ExecuteOptions(Optional.empty(), 0, false);

    public ExecuteOptions {
        near = near == null ? Optional.empty() : near.filter(n -> !n.isEmpty());
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, not " + limit);
        }
    }
}
