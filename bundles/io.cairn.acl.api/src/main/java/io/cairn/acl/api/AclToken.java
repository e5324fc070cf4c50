package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An ACL token (Consul's {@code ACLToken}): the secret a request presents, and the policies, roles and identities
 * whose rules decide what it may do.
 *
 * @param accessorId        the public UUID that names the token in logs and management calls
 * @param secretId          the UUID requests present ({@code X-Consul-Token})
 * @param description       free text
 * @param policies          the policies it links to
 * @param roles             the roles it links to
 * @param serviceIdentities the service identities it holds
 * @param nodeIdentities    the node identities it holds
 * @param local             whether the token stays in its datacenter instead of replicating
 * @param expirationTime    RFC 3339 time after which the token is revoked; {@code ""} for never
 * @param createTime        RFC 3339 creation time
 * @param hash              the base64 content hash; {@code ""} before it is computed
 * @param createIndex       Raft index that created it
 * @param modifyIndex       Raft index that last changed it
 */
public record AclToken(@JsonProperty("AccessorID") String accessorId, @JsonProperty("SecretID") String secretId,
        @JsonProperty("Description") String description,
        @JsonProperty("Policies") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AclLink> policies,
        @JsonProperty("Roles") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AclLink> roles,
        @JsonProperty("ServiceIdentities") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<ServiceIdentity> serviceIdentities,
        @JsonProperty("NodeIdentities") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<NodeIdentity> nodeIdentities,
        @JsonProperty("Local") boolean local,
        @JsonProperty("ExpirationTime") @JsonInclude(JsonInclude.Include.NON_EMPTY) String expirationTime,
        @JsonProperty("CreateTime") String createTime, @JsonProperty("Hash") String hash,
        @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

    /** Accessor ID of the anonymous token, which requests without a token use. */
    public static final String ANONYMOUS_ID = "00000000-0000-0000-0000-000000000002";

    /** The secret ID of the anonymous token. */
    public static final String ANONYMOUS_SECRET = "anonymous";

    public AclToken {
        accessorId = accessorId == null ? "" : accessorId;
        secretId = secretId == null ? "" : secretId;
        description = description == null ? "" : description;
        policies = policies == null ? List.of() : List.copyOf(policies);
        roles = roles == null ? List.of() : List.copyOf(roles);
        serviceIdentities = serviceIdentities == null ? List.of() : List.copyOf(serviceIdentities);
        nodeIdentities = nodeIdentities == null ? List.of() : List.copyOf(nodeIdentities);
        expirationTime = expirationTime == null ? "" : expirationTime;
        createTime = createTime == null ? "" : createTime;
        hash = hash == null ? "" : hash;
    }

    /** Whether the token has expired as of {@code now}; a token without an expiration time never does. */
    public boolean isExpired(Instant now) {
        return !expirationTime.isEmpty() && Instant.parse(expirationTime).isBefore(now);
    }
}
