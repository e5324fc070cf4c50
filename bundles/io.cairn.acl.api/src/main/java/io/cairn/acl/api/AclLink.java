package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reference from a token or role to a policy, or from a token to a role (Consul's {@code ACLTokenPolicyLink},
 * {@code ACLTokenRoleLink} and {@code ACLRolePolicyLink}, which share this shape).
 *
 * @param id   the referenced policy's or role's ID
 * @param name its name; when writing, a link may name its target instead of giving the ID
 */
public record AclLink(@JsonProperty("ID") String id, @JsonProperty("Name") String name) {

    public AclLink {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
    }
}
