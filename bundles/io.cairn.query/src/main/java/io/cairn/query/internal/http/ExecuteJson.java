package io.cairn.query.internal.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CatalogJson.ServiceEntryJson;
import io.cairn.query.api.QueryDns;
import io.cairn.query.api.QueryResult;

/**
 * Consul's {@code PreparedQueryExecuteResponse}: the body of {@code GET /v1/query/:id-or-name/execute}, its
 * instances as {@code /v1/health/service} lists them.
 */
record ExecuteJson(@JsonProperty("Service") String service, @JsonProperty("Nodes") List<ServiceEntryJson> nodes,
        @JsonProperty("DNS") QueryDns dns, @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("Failovers") int failovers, @JsonProperty("Index") long index) {

    static ExecuteJson of(QueryResult result) {
        return new ExecuteJson(result.service(), result.nodes().stream().map(ServiceEntryJson::of).toList(),
                result.dns(), result.datacenter(), result.failovers(), result.index());
    }
}
