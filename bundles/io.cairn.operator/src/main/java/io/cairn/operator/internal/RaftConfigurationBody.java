package io.cairn.operator.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.ServerInfo;

/** The body of {@code GET /v1/operator/raft/configuration}. */
@JsonPropertyOrder({"Servers", "Index"})
record RaftConfigurationBody(
        @JsonProperty("Servers") List<Server> servers,
        @JsonProperty("Index") long index) {

    /** Raft protocol version 3 (server IDs are UUIDs), the only one Cairn speaks. */
    static final String PROTOCOL_VERSION = "3";

    @JsonPropertyOrder({"ID", "Node", "Address", "Leader", "ProtocolVersion", "Voter"})
    record Server(
            @JsonProperty("ID") String id,
            @JsonProperty("Node") String node,
            @JsonProperty("Address") String address,
            @JsonProperty("Leader") boolean leader,
            @JsonProperty("ProtocolVersion") String protocolVersion,
            @JsonProperty("Voter") boolean voter) {
    }

    static RaftConfigurationBody of(RaftConfiguration configuration) {
        List<Server> servers = configuration.servers().stream()
                .map(RaftConfigurationBody::server)
                .toList();
        return new RaftConfigurationBody(servers, configuration.index());
    }

    private static Server server(ServerInfo s) {
        return new Server(s.id(), s.node(), s.address(), s.leader(), PROTOCOL_VERSION, s.voter());
    }
}
