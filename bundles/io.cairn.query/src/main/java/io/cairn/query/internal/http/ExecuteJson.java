package io.cairn.query.internal.http;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.query.api.QueryDns;
import io.cairn.query.api.QueryResult;

/** Consul's {@code PreparedQueryExecuteResponse}: the body of {@code GET /v1/query/:id-or-name/execute}. */
record ExecuteJson(@JsonProperty("Service") String service, @JsonProperty("Nodes") java.util.List<EntryJson> nodes,
        @JsonProperty("DNS") QueryDns dns, @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("Failovers") int failovers, @JsonProperty("Index") long index) {

    static ExecuteJson of(QueryResult result) {
        return new ExecuteJson(result.service(), result.nodes().stream().map(EntryJson::of).toList(), result.dns(),
                result.datacenter(), result.failovers(), result.index());
    }
}
