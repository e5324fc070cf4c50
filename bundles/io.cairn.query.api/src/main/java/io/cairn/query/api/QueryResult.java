package io.cairn.query.api;

import java.util.List;

import io.cairn.catalog.api.ServiceEntry;

/**
 * The outcome of executing a query (Consul's {@code PreparedQueryExecuteResponse}).
 *
 * @param service    the service looked up (after template rendering)
 * @param nodes      the qualifying instances, in answer order (shuffled, or nearest first), at most the limit
 * @param dns        the query's DNS options
 * @param datacenter the datacenter that answered
 * @param failovers  how many other datacenters were tried
 * @param index      the index of the prepared query table the query was read at
 */
public record QueryResult(String service, List<ServiceEntry> nodes, QueryDns dns, String datacenter, int failovers,
        long index) {

    public QueryResult {
        nodes = List.copyOf(nodes);
    }
}
