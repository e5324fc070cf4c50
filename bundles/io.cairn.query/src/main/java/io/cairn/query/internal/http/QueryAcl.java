package io.cairn.query.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.internal.QueryRules;

/**
 * Consul's prepared query ACLs. A query with a name, and every template, is governed by {@code query:read} and
 * {@code query:write} on its name (a template's name is its prefix, possibly {@code ""}); a query without a name
 * by nobody's prefix: anyone may create one, and whoever knows its ID may read, change or delete it. Without
 * {@code acl:write} (a management token) the stored tokens are shown as {@value QueryRules#REDACTED_TOKEN} and
 * unnamed queries are left out of the list. While ACLs are disabled everything is shown, as in Consul.
 * <p>
 * Which instances an execution answers is {@link QueryTokens}' decision.
 */
final class QueryAcl {

    private QueryAcl() {
    }

    /** The name Consul's ACLs govern {@code query} by: empty for an unnamed query that is no template. */
    static Optional<String> aclName(PreparedQuery query) {
        return query.name().isEmpty() && !query.isTemplate() ? Optional.empty() : Optional.of(query.name());
    }

    /** Refuses a write that touches {@code query} with a 403 unless the token has {@code query:write} on it. */
    static void requireWrite(Request request, PreparedQuery query) {
        Optional<String> name = aclName(query);
        if (name.isPresent() && !request.acl().queryWrite(name.get())) {
            throw request.permissionDenied("query:write", name.get());
        }
    }

    /**
     * {@code query} as the token may see it, read by ID or resolved by name: 403 for a query governed by a name
     * the token lacks {@code query:read} on, and for an unnamed one unless {@code unnamedVisible} (a read by its
     * ID); the stored token redacted.
     */
    static PreparedQuery readable(Request request, PreparedQuery query, boolean unnamedVisible) {
        if (!manages(request)) {
            Optional<String> name = aclName(query);
            if (name.isPresent() ? !request.acl().queryRead(name.get()) : !unnamedVisible) {
                throw request.permissionDenied("query:read", name.orElse(null));
            }
        }
        return redacted(request, query);
    }

    /**
     * The list answer: the queries the token may read, their stored tokens redacted, unnamed ones left out
     * without a management token (not reported as filtered, as in Consul).
     */
    static Response list(Request request, List<PreparedQuery> queries) {
        if (manages(request)) {
            return Response.json(queries);
        }
        List<PreparedQuery> readable = new ArrayList<>();
        boolean removed = false;
        for (PreparedQuery query : queries) {
            Optional<String> name = aclName(query);
            if (name.isPresent() && request.acl().queryRead(name.get())) {
                readable.add(redacted(request, query));
            } else {
                removed |= name.isPresent();
            }
        }
        return request.filteredByAcls(Response.json(readable), removed);
    }

    /** Whether the request sees everything: a management token, or an agent with ACLs disabled. */
    private static boolean manages(Request request) {
        return request.acl().aclWrite() || request.token().accessorId().isEmpty();
    }

    private static PreparedQuery redacted(Request request, PreparedQuery query) {
        if (manages(request) || query.token().isEmpty()) {
            return query;
        }
        return new PreparedQuery(query.id(), query.name(), query.session(), QueryRules.REDACTED_TOKEN,
                query.template(), query.service(), query.dns(), query.createIndex(), query.modifyIndex());
    }
}
