package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A named bundle of policies and identities that tokens link to (Consul's {@code ACLRole}).
 *
 * @param id                the role's UUID
 * @param name              its unique name
 * @param description       free text
 * @param policies          the policies it grants
 * @param serviceIdentities the service identities it grants
 * @param nodeIdentities    the node identities it grants
 * @param hash              the base64 content hash; {@code ""} before it is computed
 * @param createIndex       Raft index that created it
 * @param modifyIndex       Raft index that last changed it
 */
public record AclRole(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Policies") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AclLink> policies,
        @JsonProperty("ServiceIdentities") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<ServiceIdentity> serviceIdentities,
        @JsonProperty("NodeIdentities") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<NodeIdentity> nodeIdentities,
        @JsonProperty("Hash") String hash, @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    public AclRole {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        policies = policies == null ? List.of() : List.copyOf(policies);
        serviceIdentities = serviceIdentities == null ? List.of() : List.copyOf(serviceIdentities);
        nodeIdentities = nodeIdentities == null ? List.of() : List.copyOf(nodeIdentities);
        hash = hash == null ? "" : hash;
    }
}
