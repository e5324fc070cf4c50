package io.cairn.query.internal;

import io.cairn.go.lang.GoDuration;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryService;

/**
 * Consul's checks of a query definition on its face, before it is submitted (and again by the handler before it
 * enters the log), with Consul's texts, all prefixed {@value #PREFIX}. The checks against the stored queries and
 * sessions are the apply's ({@link QueryStore}).
 */
public final class QueryRules {

    static final String PREFIX = "Invalid prepared query: ";
    /** What Consul shows in place of a token; storing it back would lose the real one. */
    public static final String REDACTED_TOKEN = "<hidden>";

    private QueryRules() {
    }

    /** Throws {@link IllegalArgumentException} with Consul's text if {@code query} cannot be stored. */
    public static void validate(PreparedQuery query) {
        if (query.name().isEmpty() && !query.isTemplate() && query.session().isEmpty()) {
            throw invalid("Must be bound to a session");
        }
        if (query.token().equals(REDACTED_TOKEN)) {
            throw invalid("Bad Token '" + query.token()
                    + "', it looks like a query definition with a redacted token was submitted");
        }
        QueryService service = query.service();
        if (service.service().isEmpty()) {
            throw invalid("Must provide a Service name to query");
        }
        if (service.failover().nearestN() < 0) {
            throw invalid("Bad NearestN '" + service.failover().nearestN() + "', must be >= 0");
        }
        for (String key : service.nodeMeta().keySet()) {
            if (key.isEmpty()) {
                throw invalid("Couldn't load metadata pair ('', '" + service.nodeMeta().get(key)
                        + "'): Key cannot be blank");
            }
        }
        String ttl = query.dns().ttl();
        if (!ttl.isEmpty()) {
            long nanos;
            try {
                nanos = GoDuration.parseNanos(ttl);
            } catch (IllegalArgumentException e) {
                throw invalid("Bad DNS TTL '" + ttl + "': " + e.getMessage());
            }
            if (nanos < 0) {
                throw invalid("DNS TTL '" + nanos + "', must be >=0");
            }
        }
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(PREFIX + message);
    }
}
