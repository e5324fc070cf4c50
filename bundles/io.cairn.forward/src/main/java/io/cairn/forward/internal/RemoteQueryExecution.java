package io.cairn.forward.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.go.lang.GoUrl;
import io.cairn.query.api.QueryDns;
import io.cairn.query.api.QueryResult;

/**
 * A prepared query executed in another datacenter: {@code GET /v1/query/<query>/execute?dc=<dc>} through servers
 * that reach it, the answer (Consul's {@code PreparedQueryExecuteResponse}) decoded into a {@link QueryResult}. A
 * datacenter without that query answers 404, which is no result; any other refusal fails the execution.
 */
final class RemoteQueryExecution {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteQueryExecution() {
    }

    /**
     * Executes {@code idOrName} in {@code datacenter} through {@code upstream}, presenting the agent's token
     * ({@code ""}: none), at most {@code limit} instances (0: all).
     */
    static CompletableFuture<Optional<QueryResult>> execute(Upstream upstream, String datacenter, String idOrName,
            int limit, Supplier<String> agentSecret) {
        String path = "/v1/query/" + GoUrl.escapePath(idOrName) + "/execute?dc=" + GoUrl.queryEscape(datacenter)
                + (limit > 0 ? "&limit=" + limit : "");
        String secret = agentSecret.get();
        return upstream.send(UpstreamRequest.get(path,
                secret.isEmpty() ? Map.of() : Map.of("X-Consul-Token", List.of(secret)), Duration.ZERO))
                .thenApply(reply -> {
                    if (reply.status() == 404) {
                        return Optional.empty();
                    }
                    if (reply.status() != 200) {
                        throw new IllegalStateException("Executing query " + idOrName + " in " + datacenter + ": "
                                + reply.status() + " " + reply.text().strip());
                    }
                    return Optional.of(decode(reply));
                });
    }

    private static QueryResult decode(UpstreamReply reply) {
        try {
            JsonNode answer = JSON.readTree(reply.body());
            JsonNode dns = answer.path("DNS");
            return new QueryResult(answer.path("Service").asText(""),
                    CatalogJson.serviceEntries(JSON.writeValueAsBytes(answer.path("Nodes"))),
                    new QueryDns(dns.path("TTL").asText("")), answer.path("Datacenter").asText(""),
                    answer.path("Failovers").asInt(0), reply.index().orElse(0L));
        } catch (IOException e) {
            throw new IllegalStateException("Server " + reply.server() + " answered a query execution with no "
                    + "JSON object", e);
        }
    }
}
