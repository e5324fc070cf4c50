package io.cairn.gossip.internal.component;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.gossip.api.KeyringAnswer;

/** One pool's entry of {@code GET /v1/operator/keyring}, with Consul's fields. */
@JsonPropertyOrder({"WAN", "Datacenter", "Segment", "Keys", "PrimaryKeys", "NumNodes", "Messages"})
record KeyringBody(
        @JsonProperty("WAN") boolean wan,
        @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("Segment") String segment,
        @JsonProperty("Keys") Map<String, Integer> keys,
        @JsonProperty("PrimaryKeys") Map<String, Integer> primaryKeys,
        @JsonProperty("NumNodes") int numNodes,
        @JsonProperty("Messages") Map<String, String> messages) {

    static KeyringBody of(KeyringAnswer answer) {
        return new KeyringBody(answer.wan(), answer.datacenter(), "", answer.keys(), answer.primaryKeys(),
                answer.numNodes(), answer.messages());
    }

    /** The body of the keyring's POST, PUT and DELETE. */
    record KeyRequest(@JsonProperty("Key") String key) {
    }
}
