package io.cairn.query.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a query looks when its datacenter has no healthy instance (Consul's {@code QueryFailoverOptions}).
 *
 * @param nearestN    how many other datacenters to try, nearest first by RTT
 * @param datacenters datacenters to try after those, in order; unknown ones are skipped
 */
public record QueryFailover(@JsonProperty("NearestN") int nearestN,
        @JsonProperty("Datacenters") List<String> datacenters) {

    /** No failover. */
    public static final QueryFailover NONE = new QueryFailover(0, List.of());

    public QueryFailover {
        datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
    }
}
