package io.cairn.gossip.internal.component;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.agent.api.Member;

/** A member in {@code /v1/agent/members}, with Consul's fields and Serf's protocol numbers. */
@JsonPropertyOrder({"Name", "Addr", "Port", "Tags", "Status", "ProtocolMin", "ProtocolMax", "ProtocolCur",
        "DelegateMin", "DelegateMax", "DelegateCur"})
record MemberBody(
        @JsonProperty("Name") String name,
        @JsonProperty("Addr") String addr,
        @JsonProperty("Port") int port,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonProperty("Status") int status,
        @JsonProperty("ProtocolMin") int protocolMin,
        @JsonProperty("ProtocolMax") int protocolMax,
        @JsonProperty("ProtocolCur") int protocolCur,
        @JsonProperty("DelegateMin") int delegateMin,
        @JsonProperty("DelegateMax") int delegateMax,
        @JsonProperty("DelegateCur") int delegateCur) {

    /** Status codes as Consul numbers them: 0 none, 1 alive, 2 leaving, 3 left, 4 failed (the enum's order). */
    static MemberBody of(Member member) {
        return new MemberBody(member.name(), member.address(), member.port(), member.tags(),
                member.status().ordinal(), 1, 5, 2, 2, 5, 4);
    }
}
