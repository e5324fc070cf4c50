package io.cairn.acl.internal.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.acl.api.AclPolicy;

/** A policy as {@code GET /v1/acl/policies} lists it: without its rules (Consul's {@code ACLPolicyListStub}). */
record PolicyStub(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Datacenters") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> datacenters,
        @JsonProperty("Hash") String hash, @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    static PolicyStub of(AclPolicy p) {
        return new PolicyStub(p.id(), p.name(), p.description(), p.datacenters(), p.hash(), p.createIndex(),
                p.modifyIndex());
    }
}
