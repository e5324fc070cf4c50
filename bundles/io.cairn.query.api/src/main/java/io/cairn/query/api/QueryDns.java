package io.cairn.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * DNS options of a query (Consul's {@code QueryDNSOptions}).
 *
 * @param ttl a Go duration ({@code 10s}) for the answers' TTL; {@code ""} for the agent's service TTL
 */
public record QueryDns(@JsonProperty("TTL") String ttl) {

    /** The agent's service TTL. */
    public static final QueryDns DEFAULT = new QueryDns("");

    public QueryDns {
        ttl = ttl == null ? "" : ttl;
    }
}
