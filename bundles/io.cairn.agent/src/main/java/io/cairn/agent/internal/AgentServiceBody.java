package io.cairn.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.agent.definitions.ServiceDefinition;

/** A local service as {@code /v1/agent/services} and {@code /v1/agent/service/:id} show it (Consul's AgentService). */
@JsonPropertyOrder({"Kind", "ID", "Service", "Tags", "Meta", "Port", "Address", "SocketPath", "TaggedAddresses",
    "Weights", "EnableTagOverride", "ContentHash", "Datacenter"})
record AgentServiceBody(
        @JsonProperty("Kind") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind,
        @JsonProperty("ID") String id,
        @JsonProperty("Service") String service,
        @JsonProperty("Tags") List<String> tags,
        @JsonProperty("Meta") Map<String, String> meta,
        @JsonProperty("Port") int port,
        @JsonProperty("Address") String address,
        @JsonProperty("SocketPath") @JsonInclude(JsonInclude.Include.NON_EMPTY) String socketPath,
        @JsonProperty("TaggedAddresses") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, Address> taggedAddresses,
        @JsonProperty("Weights") Weights weights,
        @JsonProperty("EnableTagOverride") boolean enableTagOverride,
        @JsonProperty("ContentHash") @JsonInclude(JsonInclude.Include.NON_EMPTY) String contentHash,
        @JsonProperty("Datacenter") String datacenter) {

    record Address(@JsonProperty("Address") String address, @JsonProperty("Port") int port) {
    }

    record Weights(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {
    }

    /** The service as listed by {@code /v1/agent/services} (no content hash). */
    static AgentServiceBody of(ServiceDefinition s, String datacenter) {
        Map<String, Address> tagged = new LinkedHashMap<>();
        s.taggedAddresses().forEach((name, a) -> tagged.put(name, new Address(a.address(), a.port())));
        return new AgentServiceBody(s.kind(), s.id(), s.name(), s.tags(), s.meta(), s.port(), s.address(),
                s.socketPath(), tagged, new Weights(s.weights().passing(), s.weights().warning()),
                s.enableTagOverride(), "", datacenter);
    }

    /** The service with {@code ContentHash}, which changes whenever anything else in it does. */
    AgentServiceBody withContentHash() {
        return new AgentServiceBody(kind, id, service, tags, meta, port, address, socketPath, taggedAddresses,
                weights, enableTagOverride, hash(toString()), datacenter);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
